package com.kehu.crm.dataio;

import com.kehu.crm.contact.ContactChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Contacts from a file, each under the customer its code names. The customer must exist and be one the importer may
 * change (a manager: owned within their team; an admin: any), as for adding a contact on the screen. A row matching a
 * contact of the same customer by mobile or office phone digits or e-mail is skipped, updated or created anyway as the
 * import asks.
 */
@Component
class ContactImportKind implements ImportKind {

    static final List<String> FIELDS = List.of(
            "code",
            "name",
            "title",
            "department",
            "mobile",
            "phone",
            "email",
            "wechat",
            "birthday",
            "responsible",
            "decision_maker",
            "preferred_channel",
            "best_time",
            "do_not_contact",
            "notes");

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "code", 50,
            "name", 100,
            "title", 100,
            "department", 100,
            "mobile", 40,
            "phone", 40,
            "email", 200,
            "wechat", 100,
            "best_time", 100,
            "notes", 2000);
    private static final String MOBILE_DIGITS = "nullif(regexp_replace(mobile, '\\D', '', 'g'), '')";
    private static final String OFFICE_DIGITS = "nullif(regexp_replace(phone, '\\D', '', 'g'), '')";
    private static final String ROW_DIGITS = "nullif(regexp_replace(r.%s, '\\D', '', 'g'), '')";
    private static final Map<String, String> HEADER_SYNONYMS = synonymTable();

    private final JdbcClient jdbc;
    private final ImportChecks checks;

    ContactImportKind(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.checks = new ImportChecks(jdbc, messages);
    }

    @Override
    public ImportType type() {
        return ImportType.CONTACTS;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Map<String, String> headerSynonyms() {
        return HEADER_SYNONYMS;
    }

    @Override
    public void validate(ImportContext context) {
        long id = context.id();
        ImportSql sql = checks.sql();
        sql.columnCount(id, context.headerCount());
        sql.fail(id, "code is null", "import.error.customerRequired");
        checks.required(id, "name");
        checks.maxLengths(id, MAX_LENGTHS);
        checks.phone(id, "mobile");
        checks.phone(id, "phone");
        checks.email(id, "email");
        checks.date(id, "birthday");
        sql.fail(id, "parsed_date > current_date", "import.error.future", "birthday", Map.of());
        checks.bool(id, "responsible");
        checks.bool(id, "decision_maker");
        checks.bool(id, "do_not_contact");
        sql.enumColumn(id, "preferred_channel", ContactChannel.class);
        jdbc.sql("""
                        update import_row r set customer_id = (
                            select min(c.id) from customer c where c.code = r.code and not c.archived)
                        where r.import_id = :id and r.error is null""").param("id", id).update();
        sql.fail(id, "customer_id is null", "import.error.unknownCustomer");
        if (!context.user().isAdmin()) {
            sql.fail(
                    id,
                    "not exists (select 1 from customer c where c.id = customer_id and c.owner_id = any(:mine))",
                    "import.error.customerNotYours",
                    null,
                    Map.of("mine", context.assignable()));
        }
        checks.duplicateInFile(id, "customer_id || '/' || " + MOBILE_DIGITS, "import.error.sameContact");
        checks.duplicateInFile(id, "customer_id || '/' || " + OFFICE_DIGITS, "import.error.sameContact");
        checks.duplicateInFile(id, "customer_id || '/' || lower(email)", "import.error.sameContact");
        // the customer's contacts are few, so one pass over them (contact_customer_idx) per row
        jdbc.sql(
                        "update import_row r set record_id = (select min(c.id) from contact c where c.customer_id = r.customer_id"
                                + " and (" + ROW_DIGITS.formatted("mobile")
                                + " = any(string_to_array(c.phone_digits, ' '))"
                                + " or " + ROW_DIGITS.formatted("phone")
                                + " = any(string_to_array(c.phone_digits, ' '))"
                                + " or lower(c.email) = lower(r.email)))"
                                + " where r.import_id = :id and r.error is null")
                .param("id", id)
                .update();
        if (context.request().onDuplicate() != OnDuplicate.CREATE) {
            checks.duplicateInFile(id, "record_id", "import.error.sameContact");
        }
    }

    @Override
    public void merge(ImportContext context) {
        long id = context.id();
        OnDuplicate mode = context.request().onDuplicate();
        if (mode == OnDuplicate.SKIP) {
            jdbc.sql("update import_row set action = 'SKIP' where import_id = :id and error is null"
                            + " and record_id is not null")
                    .param("id", id)
                    .update();
        } else if (mode == OnDuplicate.UPDATE) {
            update(id);
        }
        jdbc.sql("""
                        update import_row set action = 'INSERT', record_id = nextval('contact_seq')
                        where import_id = :id and error is null and action is null""").param("id", id).update();
        jdbc.sql("""
                        insert into contact (id, customer_id, name, title, department, mobile, office_phone, phone_digits,
                                             email, wechat, birthday, responsible, decision_maker, preferred_channel,
                                             best_time, do_not_contact, notes, created_at, updated_at)
                        select r.record_id, r.customer_id, r.name, r.title, r.department, r.mobile, r.phone,
                               nullif(concat_ws(' ', nullif(regexp_replace(r.mobile, '\\D', '', 'g'), ''),
                                                nullif(regexp_replace(r.phone, '\\D', '', 'g'), '')), ''),
                               lower(r.email), r.wechat, r.parsed_date,
                               coalesce(kehu_import_bool(r.responsible), false),
                               coalesce(kehu_import_bool(r.decision_maker), false), r.preferred_channel,
                               r.best_time, coalesce(kehu_import_bool(r.do_not_contact), false), r.notes, now(), now()
                        from import_row r where r.import_id = :id and r.action = 'INSERT' order by r.line""").param("id", id).update();
        checks.rememberVersions(id, "contact");
    }

    /** Non-empty cells replace the contact's values; the others stay. */
    private void update(long id) {
        jdbc.sql("""
                        update import_row r set action = 'UPDATE', old_values = to_jsonb(c) - 'name_bigrams'
                        from contact c
                        where r.import_id = :id and r.error is null and c.id = r.record_id""").param("id", id).update();
        jdbc.sql("""
                        update contact c set
                            name = coalesce(r.name, c.name),
                            title = coalesce(r.title, c.title),
                            department = coalesce(r.department, c.department),
                            mobile = coalesce(r.mobile, c.mobile),
                            office_phone = coalesce(r.phone, c.office_phone),
                            phone_digits = nullif(concat_ws(' ',
                                nullif(regexp_replace(coalesce(r.mobile, c.mobile), '\\D', '', 'g'), ''),
                                nullif(regexp_replace(coalesce(r.phone, c.office_phone), '\\D', '', 'g'), '')), ''),
                            email = coalesce(lower(r.email), c.email),
                            wechat = coalesce(r.wechat, c.wechat),
                            birthday = coalesce(r.parsed_date, c.birthday),
                            responsible = coalesce(kehu_import_bool(r.responsible), c.responsible),
                            decision_maker = coalesce(kehu_import_bool(r.decision_maker), c.decision_maker),
                            preferred_channel = coalesce(r.preferred_channel, c.preferred_channel),
                            best_time = coalesce(r.best_time, c.best_time),
                            do_not_contact = coalesce(kehu_import_bool(r.do_not_contact), c.do_not_contact),
                            notes = coalesce(r.notes, c.notes),
                            version = c.version + 1,
                            updated_at = now()
                        from import_row r
                        where r.import_id = :id and r.action = 'UPDATE' and c.id = r.record_id""").param("id", id).update();
    }

    /**
     * Removes the contacts the import inserted and restores those it updated, unless one changed since or an inserted
     * one is referred to now (a converted lead, a ticket, a campaign member, …).
     */
    @Override
    public Map<String, Object> undo(ImportContext context) {
        long id = context.id();
        String code = "(select c.code from customer c where c.id = t.customer_id)";
        List<ImportUndoBlockedException.Blocker> blockers =
                new ArrayList<>(checks.changedSince(id, "contact", code, "t.name"));
        blockers.addAll(checks.referredTo(id, "contact", code, "t.name", List.of()));
        if (!blockers.isEmpty()) {
            throw new ImportUndoBlockedException(blockers);
        }
        int removed = jdbc.sql("""
                        delete from contact c using import_row r
                        where r.import_id = :id and r.action = 'INSERT' and c.id = r.record_id""").param("id", id).update();
        int restored = jdbc.sql("""
                        update contact c set name = o.name, title = o.title, department = o.department,
                            mobile = o.mobile, office_phone = o.office_phone, phone_digits = o.phone_digits,
                            email = o.email, wechat = o.wechat, birthday = o.birthday, responsible = o.responsible,
                            decision_maker = o.decision_maker, preferred_channel = o.preferred_channel,
                            best_time = o.best_time, do_not_contact = o.do_not_contact, notes = o.notes,
                            version = c.version + 1, updated_at = now()
                        from import_row r, jsonb_populate_record(null::contact, r.old_values) o
                        where r.import_id = :id and r.action = 'UPDATE' and c.id = r.record_id""").param("id", id).update();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("removed", removed);
        facts.put("restored", restored);
        return facts;
    }

    private static Map<String, String> synonymTable() {
        return ImportChecks.synonyms(
                FIELDS,
                Map.ofEntries(
                        Map.entry("code", List.of("customer_code", "customer code", "客户编号", "客户代码")),
                        Map.entry("name", List.of("contact", "contact name", "contact_name", "联系人", "联系人姓名", "姓名")),
                        Map.entry("title", List.of("position", "job title", "职务", "职位")),
                        Map.entry("department", List.of("dept", "部门")),
                        Map.entry("mobile", List.of("mobile phone", "cell", "手机", "手机号", "手机号码")),
                        Map.entry(
                                "phone",
                                List.of("office phone", "office_phone", "telephone", "tel", "电话", "办公电话", "座机")),
                        Map.entry("email", List.of("e-mail", "mail", "邮箱", "电子邮件", "电子邮箱")),
                        Map.entry("wechat", List.of("weixin", "微信", "微信号")),
                        Map.entry("birthday", List.of("date of birth", "birth date", "生日", "出生日期")),
                        Map.entry("responsible", List.of("responsible person", "负责人")),
                        Map.entry("decision_maker", List.of("decision maker", "决策人")),
                        Map.entry("preferred_channel", List.of("preferred channel", "channel", "偏好联系方式", "联系方式")),
                        Map.entry("best_time", List.of("best time", "best time to reach", "方便联系的时间", "联系时间")),
                        Map.entry("do_not_contact", List.of("do not contact", "请勿联系")),
                        Map.entry("notes", List.of("note", "remarks", "备注"))));
    }

    /** The customer the contact belongs to and the contact's name. */
    @Override
    public List<String> requiredFields() {
        return List.of("code", "name");
    }
}
