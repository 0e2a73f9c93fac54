package com.kehu.crm.dataio;

import com.kehu.crm.sales.LeadSource;
import com.kehu.crm.sales.ProspectList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leads from a file (a prospect list, an exhibition's visitors). As on the lead screens a new lead is NEW and goes to
 * the public pool (公海), unless the file names an owner the importer may assign leads to (a manager: their team; an
 * admin: anyone): then it is assigned to them, as {@code LeadService.assign} would. A row matching an open lead by
 * phone digits or e-mail is skipped, updated (only a pool lead or one owned within the importer's team; owner and
 * status keep their own flows) or created anyway as the import asks.
 */
@Component
class LeadImportKind implements ImportKind {

    static final List<String> FIELDS =
            List.of("name", "company", "title", "phone", "email", "source", "prospect_list", "owner", "notes");

    private static final Map<String, Integer> MAX_LENGTHS =
            Map.of("name", 100, "company", 200, "title", 100, "phone", 50, "email", 200, "owner", 100, "notes", 2000);
    private static final String OPEN = "('NEW', 'WORKING', 'QUALIFIED')";
    private static final Map<String, String> HEADER_SYNONYMS = ImportChecks.synonyms(
            FIELDS,
            Map.of(
                    "name", List.of("contact", "contact name", "contact_name", "联系人", "联系人姓名", "姓名"),
                    "company", List.of("company name", "company_name", "公司", "公司名称", "单位", "单位名称"),
                    "title", List.of("contact_title", "position", "job title", "职务", "职位"),
                    "phone", List.of("telephone", "tel", "mobile", "电话", "手机", "联系电话", "手机号"),
                    "email", List.of("e-mail", "mail", "邮箱", "电子邮件", "电子邮箱"),
                    "source", List.of("lead source", "来源", "线索来源"),
                    "prospect_list", List.of("prospect list", "名册"),
                    "owner", List.of("负责人", "所有者"),
                    "notes", List.of("note", "remarks", "备注")));

    private final JdbcClient jdbc;
    private final ImportChecks checks;

    LeadImportKind(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.checks = new ImportChecks(jdbc, messages);
    }

    @Override
    public ImportType type() {
        return ImportType.LEADS;
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
        checks.required(id, "name");
        checks.maxLengths(id, MAX_LENGTHS);
        checks.phone(id, "phone");
        checks.email(id, "email");
        checks.required(id, "source");
        sql.enumColumn(id, "source", LeadSource.class);
        sql.enumColumn(id, "prospect_list", ProspectList.class);
        jdbc.sql("""
                        update import_row r set owner_id = u.id from app_user u
                        where r.import_id = :id and r.error is null and u.username = r.owner""").param("id", id).update();
        sql.fail(id, "owner is not null and owner_id is null", "import.error.owner");
        checks.duplicateInFile(id, "nullif(regexp_replace(phone, '\\D', '', 'g'), '')", "import.error.sameLead");
        checks.duplicateInFile(id, "lower(email)", "import.error.sameLead");
        // one statement per key, each an index lookup per row (lead_phone_prefix_idx, lead_email_prefix_idx)
        jdbc.sql("update import_row r set record_id = (select min(l.id) from lead l where l.status in " + OPEN
                        + " and l.phone_digits = nullif(regexp_replace(r.phone, '\\D', '', 'g'), ''))"
                        + " where r.import_id = :id and r.error is null and r.phone is not null")
                .param("id", id)
                .update();
        jdbc.sql(
                        "update import_row r set record_id = (select min(l.id) from lead l where l.status in " + OPEN
                                + " and lower(l.email) = lower(r.email))"
                                + " where r.import_id = :id and r.error is null and r.record_id is null and r.email is not null")
                .param("id", id)
                .update();
        OnDuplicate onDuplicate = context.request().onDuplicate();
        if (onDuplicate != OnDuplicate.CREATE) {
            checks.duplicateInFile(id, "record_id", "import.error.sameLead");
        }
        if (onDuplicate == OnDuplicate.UPDATE && !context.user().isAdmin()) {
            sql.fail(
                    id,
                    "record_id is not null and exists (select 1 from lead l where l.id = record_id"
                            + " and l.owner_id is not null and not (l.owner_id = any(:mine)))",
                    "import.error.leadNotYours",
                    null,
                    Map.of("mine", context.assignable()));
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
                        update import_row set action = 'INSERT', record_id = nextval('lead_seq'),
                            owner_id = case when owner_id = any(:assignable) then owner_id end
                        where import_id = :id and error is null and action is null""").param("assignable", context.assignable()).param("id", id).update();
        jdbc.sql("""
                        insert into lead (id, company_name, contact_name, contact_title, phone, phone_digits, email,
                                          source, prospect_list, status, owner_id, claimed_at, notes, created_at,
                                          updated_at)
                        select r.record_id, r.company, r.name, r.title, r.phone,
                               nullif(regexp_replace(r.phone, '\\D', '', 'g'), ''), lower(r.email), r.source,
                               r.prospect_list, 'NEW', r.owner_id, case when r.owner_id is not null then now() end,
                               r.notes, now(), now()
                        from import_row r where r.import_id = :id and r.action = 'INSERT' order by r.line""").param("id", id).update();
        checks.rememberVersions(id, "lead");
    }

    /** Non-empty cells replace the lead's facts; its owner and status stay (claiming and qualifying are flows). */
    private void update(long id) {
        jdbc.sql("""
                        update import_row r set action = 'UPDATE', old_values = to_jsonb(l) - 'name_bigrams'
                        from lead l
                        where r.import_id = :id and r.error is null and l.id = r.record_id""").param("id", id).update();
        jdbc.sql("""
                        update lead l set
                            company_name = coalesce(r.company, l.company_name),
                            contact_name = coalesce(r.name, l.contact_name),
                            contact_title = coalesce(r.title, l.contact_title),
                            phone = coalesce(r.phone, l.phone),
                            phone_digits = case when r.phone is null then l.phone_digits
                                                else nullif(regexp_replace(r.phone, '\\D', '', 'g'), '') end,
                            email = coalesce(lower(r.email), l.email),
                            source = coalesce(r.source, l.source),
                            prospect_list = coalesce(r.prospect_list, l.prospect_list),
                            notes = coalesce(r.notes, l.notes),
                            version = l.version + 1,
                            updated_at = now()
                        from import_row r
                        where r.import_id = :id and r.action = 'UPDATE' and l.id = r.record_id""").param("id", id).update();
    }

    /**
     * Removes the leads the import inserted and restores those it updated, unless one changed since (claimed,
     * followed up, converted, edited: its version moved) or an inserted one is referred to now.
     */
    @Override
    public Map<String, Object> undo(ImportContext context) {
        long id = context.id();
        String code = "coalesce(t.phone, t.email, t.company_name)";
        String name = "t.contact_name";
        List<ImportUndoBlockedException.Blocker> blockers =
                new ArrayList<>(checks.changedSince(id, "lead", code, name));
        blockers.addAll(checks.referredTo(id, "lead", code, name, List.of()));
        if (!blockers.isEmpty()) {
            throw new ImportUndoBlockedException(blockers);
        }
        int removed = jdbc.sql("""
                        delete from lead l using import_row r
                        where r.import_id = :id and r.action = 'INSERT' and l.id = r.record_id""").param("id", id).update();
        int restored = jdbc.sql("""
                        update lead l set company_name = o.company_name, contact_name = o.contact_name,
                            contact_title = o.contact_title, phone = o.phone, phone_digits = o.phone_digits,
                            email = o.email, source = o.source, prospect_list = o.prospect_list, notes = o.notes,
                            version = l.version + 1, updated_at = now()
                        from import_row r, jsonb_populate_record(null::lead, r.old_values) o
                        where r.import_id = :id and r.action = 'UPDATE' and l.id = r.record_id""").param("id", id).update();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("removed", removed);
        facts.put("restored", restored);
        return facts;
    }

    /** A lead needs a name and where it came from. */
    @Override
    public List<String> requiredFields() {
        return List.of("name", "source");
    }
}
