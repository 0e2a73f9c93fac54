package com.kehu.crm.dataio;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports of contacts, leads, products and payments, and .xlsx files, through the API: good rows go in, each kind of
 * bad row fails with its line and reason, undo works and is refused after a later edit.
 */
@IntegrationTest
class ImportTypesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Charset GB18030 = Charset.forName("GB18030");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Imports imports;

    @Autowired
    MessageSource messages;

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String phone() {
        return "1" + (3_000_000_000L + ThreadLocalRandom.current().nextLong(6_999_999_999L));
    }

    MvcTestResult upload(String type, String fileName, byte[] file, String user, String... params) {
        var request = mvc.post()
                .uri("/api/v1/imports")
                .multipart()
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", file))
                .param("type", type)
                .with(httpBasic(user, PASSWORD));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    JsonNode importAndWait(String type, String fileName, byte[] file, String... params) throws Exception {
        MvcTestResult started = upload(type, fileName, file, "manager", params);
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        long id = JSON.readTree(started.getResponse().getContentAsString())
                .get("id")
                .asLong();
        return Awaitility.await("import " + id + " finishes")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> progressOf(id), progress -> {
                    String state = progress.get("status").asString();
                    return !state.equals("QUEUED") && !state.equals("RUNNING");
                });
    }

    JsonNode progressOf(long id) throws Exception {
        MvcTestResult status = mvc.get()
                .uri("/api/v1/imports/" + id)
                .with(httpBasic("manager", PASSWORD))
                .exchange();
        assertThat(status).hasStatusOk();
        return JSON.readTree(status.getResponse().getContentAsString());
    }

    String errors(JsonNode done, String language) throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/imports/" + done.get("id").asLong() + "/errors")
                .header("Accept-Language", language)
                .with(httpBasic("manager", PASSWORD))
                .exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    MvcTestResult undo(JsonNode done) {
        return mvc.delete()
                .uri("/api/v1/imports/" + done.get("id").asLong())
                .with(httpBasic("manager", PASSWORD))
                .exchange();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    /** A customer owned by {@code owner}; returns its id. */
    long customer(String code, String owner) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, region, relation_category, importance, status,
                                              owner_id)
                        values (:id, :code, 'ENTERPRISE', :name, 'EAST', 'B2B', 'ORDINARY', 'POTENTIAL', :owner)""")
                .param("id", id)
                .param("code", code)
                .param("name", "Customer " + code)
                .param("owner", userId(owner))
                .update();
        return id;
    }

    int count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            statement = statement.param(i + 1, params[i]);
        }
        return statement.query(Integer.class).single();
    }

    static byte[] xlsx(List<List<Object>> rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof String text) {
                        row.createCell(c).setCellValue(text);
                    } else if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDate day) {
                        row.createCell(c).setCellValue(day);
                        row.getCell(c).setCellStyle(date);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void everyFieldOfTheNewTypesHasALabelAndChineseHeadersMapByThemselves() {
        for (ImportType type :
                List.of(ImportType.CONTACTS, ImportType.LEADS, ImportType.PRODUCTS, ImportType.PAYMENTS)) {
            for (String field : imports.fields(type)) {
                for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
                    String specific = "import.field." + type.name().toLowerCase(Locale.ROOT) + "." + field;
                    assertThat(messages.getMessage(specific, null, null, locale) != null
                                    || messages.getMessage("import.field." + field, null, null, locale) != null)
                            .as("a label for %s %s in %s", type, field, locale)
                            .isTrue();
                }
                assertThat(imports.fieldLabel(type, field, Locale.SIMPLIFIED_CHINESE))
                        .isNotEqualTo(imports.fieldLabel(type, field, Locale.ENGLISH));
            }
        }
        assertThat(imports.fieldLabel(ImportType.CONTACTS, "name", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("联系人姓名");
        assertThat(imports.guessMapping(ImportType.CONTACTS, List.of("客户编号", "联系人", "手机", "Office Phone", "其他")))
                .containsExactly("code", "name", "mobile", "phone", null);
        assertThat(imports.guessMapping(ImportType.LEADS, List.of("公司名称", "线索来源", "负责人")))
                .containsExactly("company", "source", "owner");
        assertThat(imports.guessMapping(ImportType.PRODUCTS, List.of("产品编码", "标价", "SKU")))
                .containsExactly("code", "list_price", "code");
        assertThat(imports.guessMapping(ImportType.PAYMENTS, List.of("订单号", "回款日期", "金额", "回款方式")))
                .containsExactly("order_number", "paid_on", "amount", "method");
    }

    // --- contacts

    @Test
    void contactsFromAGb18030FileWithChineseHeaders() throws Exception {
        String mine = "K" + unique();
        long customer = customer(mine, "rep1");
        String theirs = "K" + unique();
        customer(theirs, "rep3");
        String mobile = phone();
        String csv = "客户编号,联系人,职务,手机,邮箱,生日,决策人,偏好联系方式\n"
                + mine + ",张三,采购经理," + mobile + ",ZS@example.com,1980/5/6,是,微信\n"
                + mine + ",李四,,,,,,\n"
                + mine + ",,经理,,,,,\n"
                + "NOSUCH" + unique() + ",王五,,,,,,\n"
                + theirs + ",赵六,,,,,,\n"
                + mine + ",张三二,," + mobile + ",,,,\n"
                + mine + ",钱七,,,not-an-email,,,\n"
                + mine + ",孙八,,,,2026-02-30,,\n"
                + mine + ",周九,,,,,maybe,\n"
                + mine + ",吴十,,,,2999-01-01,,\n"
                + mine + ",郑十一,,,,,,信鸽\n"
                + mine + ",太多,列,,,,,,,\n";
        JsonNode done = importAndWait("CONTACTS", "联系人.csv", csv.getBytes(GB18030));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("encoding").asString()).isEqualTo("GB18030");
        assertThat(done.get("inserted").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).isEqualTo(10);
        Map<String, Object> zhang = jdbc.sql("select * from contact where customer_id = :c and name = '张三'")
                .param("c", customer)
                .query()
                .singleRow();
        assertThat(zhang.get("title")).isEqualTo("采购经理");
        assertThat(zhang.get("email")).isEqualTo("zs@example.com");
        assertThat(zhang.get("phone_digits")).isEqualTo(mobile);
        assertThat(zhang.get("birthday").toString()).isEqualTo("1980-05-06");
        assertThat(zhang.get("decision_maker")).isEqualTo(true);
        assertThat(zhang.get("preferred_channel")).isEqualTo("WECHAT");
        assertThat(errors(done, "zh-CN"))
                .contains("4,缺少联系人姓名。")
                .contains("5,没有这个编号的客户。")
                .contains("6,该客户不属于您的团队，不能为其添加联系人。")
                .contains("7,与文件第2行是同一联系人。")
                .contains("8,邮箱格式不正确。")
                .contains("9,日期格式不正确")
                .contains("10,决策人的值无法识别。")
                .contains("11,生日不能是将来的日期。")
                .contains("12,偏好联系方式的值无法识别。")
                .contains("13,列数不对（表头有8列）。");
        assertThat(errors(done, "en")).contains("4,Missing value for contact name.");
    }

    @Test
    void contactsUpdateByPhoneAndUndoRestoresThem() throws Exception {
        String code = "K" + unique();
        long customer = customer(code, "manager");
        String mobile = phone();
        long existing =
                jdbc.sql("select nextval('contact_seq')").query(Long.class).single();
        jdbc.sql("insert into contact (id, customer_id, name, mobile, phone_digits, title) values (:id, :c, '旧名', :m,"
                        + " :m, '旧职务')")
                .param("id", existing)
                .param("c", customer)
                .param("m", mobile)
                .update();
        byte[] csv = ("customer_code,name,mobile,title,请勿联系\n" + code + ",新名," + mobile + ",,\n" + code
                        + ",New Person,,Boss,yes\n")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode done = importAndWait("CONTACTS", "contacts.csv", csv, "onDuplicate", "UPDATE");
        assertThat(done.get("updated").asInt()).isEqualTo(1);
        assertThat(done.get("inserted").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select name || '/' || title from contact where id = :id")
                        .param("id", existing)
                        .query(String.class)
                        .single())
                .isEqualTo("新名/旧职务");

        assertThat(count(
                        "select count(*) from contact where customer_id = ? and name = 'New Person' and do_not_contact",
                        customer))
                .isEqualTo(1);

        assertThat(undo(done)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(jdbc.sql("select name from contact where id = :id")
                        .param("id", existing)
                        .query(String.class)
                        .single())
                .isEqualTo("旧名");
        assertThat(count("select count(*) from contact where customer_id = ?", customer))
                .isEqualTo(1);

        JsonNode again = importAndWait("CONTACTS", "contacts.csv", csv, "onDuplicate", "UPDATE");
        jdbc.sql("update contact set title = 'Edited', version = version + 1 where customer_id = :c and name = 'New"
                        + " Person'")
                .param("c", customer)
                .update();
        MvcTestResult refused = undo(again);
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("New Person")
                .contains(code);
        assertThat(count("select count(*) from contact where customer_id = ?", customer))
                .isEqualTo(2);
    }

    // --- leads

    @Test
    void leadsFromAnXlsxWithChineseHeadersGoToOwnersOrThePool() throws Exception {
        String poolPhone = phone();
        String ownedPhone = phone();
        String knownPhone = phone();
        long known = jdbc.sql("select nextval('lead_seq')").query(Long.class).single();
        jdbc.sql("insert into lead (id, contact_name, phone, phone_digits, source, status) values (:id, '老线索', :p,"
                        + " :p, 'PHONE', 'NEW')")
                .param("id", known)
                .param("p", knownPhone)
                .update();
        String company = "公司" + unique();
        byte[] file = xlsx(List.of(
                List.of("联系人", "公司名称", "电话", "邮箱", "线索来源", "负责人", "备注"),
                List.of("陈一", company, ownedPhone, "", "展会", "rep1", "展会名片"),
                List.of("陈二", company, poolPhone, "", "EXHIBITION", "rep3", ""),
                List.of("陈三", company, knownPhone, "", "PHONE", "", ""),
                List.of("陈四", company, "", "", "", "", ""),
                List.of("陈五", company, "", "", "电视", "", ""),
                List.of("陈六", company, "", "", "PHONE", "nobody" + unique(), ""),
                List.of("陈七", company, ownedPhone, "", "PHONE", "", ""),
                List.of("", company, "", "", "PHONE", "", ""),
                List.of("陈九", company, "abc", "", "PHONE", "", "")));
        JsonNode done = importAndWait("LEADS", "线索.xlsx", file);
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(done.get("inserted").asInt()).isEqualTo(2);
        assertThat(done.get("skipped").asInt()).isEqualTo(1);
        assertThat(done.get("failed").asInt()).isEqualTo(6);
        Map<String, Object> owned = jdbc.sql("select * from lead where phone_digits = :p and company_name = :c")
                .param("p", ownedPhone)
                .param("c", company)
                .query()
                .singleRow();
        assertThat(owned.get("owner_id")).isEqualTo(userId("rep1"));
        assertThat(owned.get("claimed_at")).isNotNull();
        assertThat(owned.get("status")).isEqualTo("NEW");
        assertThat(owned.get("source")).isEqualTo("EXHIBITION");
        assertThat(owned.get("notes")).isEqualTo("展会名片");
        assertThat(jdbc.sql("select owner_id is null from lead where phone_digits = :p")
                        .param("p", poolPhone)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(errors(done, "en"))
                .contains("5,Missing value for lead source.")
                .contains("6,Unknown value for lead source.")
                .contains("7,No user with this user name.")
                .contains("8,Same lead as line 2 of the file.")
                .contains("9,Missing value for contact name.")
                .contains("10,\"Not a valid phone number for phone");

        assertThat(undo(done)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(count("select count(*) from lead where company_name = ?", company))
                .isZero();
        assertThat(count("select count(*) from lead where id = ?", known)).isEqualTo(1);
    }

    @Test
    void leadUpdatesStayInTheTeamAndUndoIsRefusedAfterAClaim() throws Exception {
        String mine = phone();
        String theirs = phone();
        for (var lead : Map.of(mine, "rep1", theirs, "rep3").entrySet()) {
            jdbc.sql("insert into lead (id, contact_name, phone, phone_digits, source, status, owner_id, claimed_at)"
                            + " values (nextval('lead_seq'), 'Before', :p, :p, 'PHONE', 'WORKING', :o, now())")
                    .param("p", lead.getKey())
                    .param("o", userId(lead.getValue()))
                    .update();
        }
        String fresh = phone();
        String csv = "name,phone,source,company\nAfter," + mine + ",PHONE,Acme\nAfter," + theirs + ",PHONE,Acme\nNew,"
                + fresh + ",REFERRAL,Acme\n";
        JsonNode done =
                importAndWait("LEADS", "leads.csv", csv.getBytes(StandardCharsets.UTF_8), "onDuplicate", "UPDATE");
        assertThat(done.get("updated").asInt()).isEqualTo(1);
        assertThat(done.get("inserted").asInt()).isEqualTo(1);
        assertThat(errors(done, "zh-CN")).contains("3,匹配到的线索属于您团队以外的人，不能更新。");
        assertThat(jdbc.sql("select contact_name || '/' || company_name || '/' || status from lead where phone_digits"
                                + " = :p")
                        .param("p", mine)
                        .query(String.class)
                        .single())
                .isEqualTo("After/Acme/WORKING");

        jdbc.sql("update lead set owner_id = :o, claimed_at = now(), version = version + 1 where phone_digits = :p")
                .param("o", userId("rep2"))
                .param("p", fresh)
                .update();
        MvcTestResult refused = undo(done);
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(fresh);
        assertThat(jdbc.sql("select contact_name from lead where phone_digits = :p")
                        .param("p", mine)
                        .query(String.class)
                        .single())
                .isEqualTo("After");
    }

    // --- products

    @Test
    void productsWithChineseHeadersAreCreatedUpdatedAndUndone() throws Exception {
        String existing = "P" + unique();
        jdbc.sql("insert into product (id, code, name, unit, list_price, unit_cost, currency) values"
                        + " (nextval('product_seq'), :c, '旧产品', '台', 100, 60, 'CNY')")
                .param("c", existing)
                .update();
        String fresh = "p" + unique().toLowerCase();
        String csv = "产品编码,产品名称,单位,标价,成本,在售\n"
                + existing + ",,,120.50,,否\n"
                + fresh + ",新产品,箱,88,50,是\n"
                + "P" + unique() + ",缺单位,,10,,\n"
                + "bad code,坏编码,个,10,,\n"
                + "P" + unique() + ",负价格,个,-1,,\n"
                + "P" + unique() + ",价格错,个,1.234,,\n"
                + fresh + ",重复,个,10,,\n"
                + ",无编码,个,10,,\n";
        JsonNode done =
                importAndWait("PRODUCTS", "产品.csv", csv.getBytes(StandardCharsets.UTF_8), "onDuplicate", "UPDATE");
        assertThat(done.get("updated").asInt()).isEqualTo(1);
        assertThat(done.get("inserted").asInt()).isEqualTo(1);
        assertThat(done.get("failed").asInt()).isEqualTo(6);
        assertThat(jdbc.sql("select name || '/' || list_price || '/' || unit_cost || '/' || active from product where"
                                + " code = :c")
                        .param("c", existing)
                        .query(String.class)
                        .single())
                .isEqualTo("旧产品/120.50/60.00/false");
        assertThat(jdbc.sql("select name || '/' || unit || '/' || list_price || '/' || currency from product where"
                                + " code = :c")
                        .param("c", fresh.toUpperCase())
                        .query(String.class)
                        .single())
                .isEqualTo("新产品/箱/88.00/CNY");
        assertThat(errors(done, "zh-CN"))
                .contains("4,缺少单位。")
                .contains("5,产品编码只能包含字母、数字、点、下划线和连字符。")
                .contains("6,标价不能为负数。")
                .contains("7,标价格式不正确（数字，最多两位小数）。")
                .contains("8,与文件第3行的产品编码相同。")
                .contains("9,缺少产品编码。");

        JsonNode created = importAndWait(
                "PRODUCTS",
                "p.csv",
                ("code,name,unit,list_price\n" + existing + ",X,个,1\n").getBytes(),
                "onDuplicate",
                "CREATE");
        assertThat(errors(created, "en")).contains("2,\"A product with this code exists");

        assertThat(undo(done)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(jdbc.sql("select list_price || '/' || active from product where code = :c")
                        .param("c", existing)
                        .query(String.class)
                        .single())
                .isEqualTo("100.00/true");
        assertThat(count("select count(*) from product where code = ?", fresh.toUpperCase()))
                .isZero();
    }

    @Test
    void productUndoIsRefusedAfterALaterEdit() throws Exception {
        String code = "P" + unique();
        JsonNode done = importAndWait(
                "PRODUCTS",
                "products.csv",
                ("code,name,unit,list_price\n" + code + ",Widget,pc,9.90\n").getBytes(StandardCharsets.UTF_8));
        assertThat(done.get("inserted").asInt()).isEqualTo(1);
        jdbc.sql("update product set list_price = 10, version = version + 1 where code = :c")
                .param("c", code)
                .update();
        MvcTestResult refused = undo(done);
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(code)
                .contains("Widget");
        assertThat(count("select count(*) from product where code = ?", code)).isEqualTo(1);
    }

    @Test
    void productsTakeTheirCategoryByCodeOrNameAndUnknownOnesFail() throws Exception {
        String byCode = "P" + unique();
        String byChineseName = "P" + unique();
        String byEnglishName = "P" + unique();
        String unknown = "P" + unique();
        String none = "P" + unique();
        String csv = "产品编码,产品名称,单位,标价,产品类别\n"
                + byCode + ",大米,袋,89,food\n"
                + byChineseName + ",绿茶,盒,120,饮品茶叶\n"
                + byEnglishName + ",Paper,box,30,office SUPPLIES\n"
                + unknown + ",Mystery,pc,1,家具\n"
                + none + ",无类别,个,5,\n";
        JsonNode done = importAndWait("PRODUCTS", "类别.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(done.get("inserted").asInt()).isEqualTo(4);
        assertThat(done.get("failed").asInt()).isEqualTo(1);
        assertThat(categoryOf(byCode)).isEqualTo("FOOD");
        assertThat(categoryOf(byChineseName)).isEqualTo("BEVERAGE");
        assertThat(categoryOf(byEnglishName)).isEqualTo("OFFICE");
        assertThat(categoryOf(none)).isEqualTo("-");
        assertThat(count("select count(*) from product where code = ?", unknown))
                .isZero();
        assertThat(errors(done, "zh-CN")).contains("5,没有此编码或名称的产品类别。");
        assertThat(errors(done, "en")).contains("5,No product category with this code or name.");

        // an update with a category cell changes it, an empty cell keeps it; undo restores the old one
        JsonNode updated = importAndWait(
                "PRODUCTS",
                "类别2.csv",
                ("code,category\n" + byCode + ",办公用品\n" + byChineseName + ",\n").getBytes(StandardCharsets.UTF_8),
                "onDuplicate",
                "UPDATE");
        assertThat(updated.get("updated").asInt()).isEqualTo(2);
        assertThat(categoryOf(byCode)).isEqualTo("OFFICE");
        assertThat(categoryOf(byChineseName)).isEqualTo("BEVERAGE");
        assertThat(undo(updated)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(categoryOf(byCode)).isEqualTo("FOOD");
    }

    String categoryOf(String productCode) {
        return jdbc.sql("""
                        select coalesce(pc.code, '-') from product p left join product_category pc on pc.id = p.category_id
                        where p.code = :c""").param("c", productCode).query(String.class).single();
    }

    // --- payments

    /** An order of {@code customer} with the given status and total; returns its number. */
    String order(long customer, String status, String total) {
        String number = "SO" + unique();
        jdbc.sql("""
                        insert into sales_order (id, order_number, customer_id, order_date, currency, status, total_amount,
                                                 created_by)
                        values (nextval('sales_order_seq'), :n, :c, current_date, 'CNY', :s, :t, :by)""")
                .param("n", number)
                .param("c", customer)
                .param("s", status)
                .param("t", new BigDecimal(total))
                .param("by", userId("manager"))
                .update();
        return number;
    }

    String paid(String number) {
        return jdbc.sql("select paid_amount::text from sales_order where order_number = :n")
                .param("n", number)
                .query(String.class)
                .single();
    }

    @Test
    void paymentsGoOnOrdersWithinWhatIsOwedAndUndoTakesThemOff() throws Exception {
        long customer = customer("K" + unique(), "rep2");
        String order = order(customer, "CONFIRMED", "1000");
        String draft = order(customer, "DRAFT", "1000");
        String other = order(customer("K" + unique(), "rep3"), "COMPLETED", "1000");
        String csv = "订单号,回款日期,金额,回款方式,凭证号\n"
                + order + ",2026-03-05,300,银行转账,REF1\n"
                + order.toLowerCase() + ",20260306,200.50,CASH,REF2\n"
                + order + ",2026/3/5,300,BANK_TRANSFER,REF1\n"
                + order + ",2026-03-07,-5,CASH,\n"
                + order + ",2026-03-07,0,CASH,\n"
                + draft + ",2026-03-07,10,CASH,\n"
                + other + ",2026-03-07,10,CASH,\n"
                + order + ",2026-03-08,600,CASH,\n"
                + order + ",2026-03-08,10,BITCOIN,\n"
                + order + ",yesterday,10,CASH,\n";
        JsonNode done = importAndWait("PAYMENTS", "回款.csv", csv.getBytes(GB18030));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("inserted").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).isEqualTo(8);
        assertThat(paid(order)).isEqualTo("500.50");
        assertThat(jdbc.sql("select string_agg(paid_on || ' ' || amount || ' ' || method, ', ' order by paid_on)"
                                + " from payment p join sales_order o on o.id = p.order_id where o.order_number = :n")
                        .param("n", order)
                        .query(String.class)
                        .single())
                .isEqualTo("2026-03-05 300.00 BANK_TRANSFER, 2026-03-06 200.50 CASH");
        assertThat(errors(done, "en"))
                .contains("4,Same payment as line 2 of the file.")
                .contains("5,The value of payment amount must not be negative.")
                .contains("6,The value of payment amount must be greater than zero.")
                .contains("7,\"The order does not accept payments")
                .contains("8,No order with this number that you may record payments on.")
                .contains("9,The payment exceeds what is still owed on the order (499.50).")
                .contains("10,Unknown value for payment method.")
                .contains("11,\"Not a date");
        assertThat(errors(done, "zh-CN")).contains("9,回款超过订单未付金额（499.50）。");

        JsonNode again = importAndWait("PAYMENTS", "回款.csv", csv.getBytes(GB18030));
        assertThat(again.get("skipped").asInt()).isEqualTo(2);
        assertThat(again.get("inserted").asInt()).isZero();

        assertThat(undo(done)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(paid(order)).isEqualTo("0.00");
        assertThat(count(
                        "select count(*) from payment p join sales_order o on o.id = p.order_id where"
                                + " o.order_number = ?",
                        order))
                .isZero();
    }

    @Test
    void paymentUndoIsRefusedAfterAnotherPayment() throws Exception {
        long customer = customer("K" + unique(), "manager");
        String order = order(customer, "SHIPPED", "100");
        JsonNode done = importAndWait(
                "PAYMENTS",
                "payments.csv",
                ("order_number,paid_on,amount\n" + order + ",2026-03-05,40\n").getBytes(StandardCharsets.UTF_8));
        assertThat(done.get("inserted").asInt()).isEqualTo(1);
        assertThat(count(
                        "select count(*) from payment p join sales_order o on o.id = p.order_id where"
                                + " o.order_number = ? and p.method = 'BANK_TRANSFER'",
                        order))
                .isEqualTo(1);
        assertThat(mvc.post()
                        .uri("/api/v1/orders/"
                                + jdbc.sql("select id from sales_order where order_number = :n")
                                        .param("n", order)
                                        .query(Long.class)
                                        .single()
                                + "/payments")
                        .contentType("application/json")
                        .content("{\"amount\": 10, \"paidOn\": \"2026-03-06\", \"method\": \"CASH\"}")
                        .with(httpBasic("manager", PASSWORD)))
                .hasStatus2xxSuccessful();
        assertThat(paid(order)).isEqualTo("50.00");
        MvcTestResult refused = undo(done);
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(order);
        assertThat(paid(order)).isEqualTo("50.00");
    }

    // --- .xlsx files of the existing types

    @Test
    void customersAndOrdersFromXlsxFiles() throws Exception {
        String code = "X" + unique();
        String phone = phone();
        JsonNode customers = importAndWait(
                "CUSTOMERS",
                "客户.xlsx",
                xlsx(List.of(
                        List.of("客户编号", "客户名称", "电话", "地区", "行业"),
                        List.of(code, "杭州西湖茶叶有限公司", Long.parseLong(phone), "华东", ""))));
        assertThat(customers.get("status").asString()).isEqualTo("DONE");
        assertThat(customers.get("inserted").asInt()).isEqualTo(1);
        Map<String, Object> customer = jdbc.sql("select * from customer where code = :c")
                .param("c", code)
                .query()
                .singleRow();
        assertThat(customer.get("name")).isEqualTo("杭州西湖茶叶有限公司");
        assertThat(customer.get("phone")).isEqualTo(phone);
        assertThat(customer.get("region")).isEqualTo("EAST");

        JsonNode orders = importAndWait(
                "ORDERS",
                "orders.xlsx",
                xlsx(List.of(
                        List.of("customer_code", "order_date", "amount"),
                        List.of(code, LocalDate.of(2026, 3, 5), 100.5),
                        List.of(code, "2026/3/7", 200),
                        List.of(code, "not a date", 1))));
        assertThat(orders.get("inserted").asInt()).isEqualTo(2);
        assertThat(orders.get("failed").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select string_agg(order_date || ' ' || total_amount, ', ' order by order_date) from"
                                + " sales_order where customer_id = :c")
                        .param("c", customer.get("id"))
                        .query(String.class)
                        .single())
                .isEqualTo("2026-03-05 100.50, 2026-03-07 200.00");
        assertThat(errors(orders, "en")).contains("4,\"Not a date");
    }

    @Test
    void oldExcelFilesFailWithAReason() throws Exception {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        JsonNode done = importAndWait("CUSTOMERS", "old.xls", xls);
        assertThat(done.get("status").asString()).isEqualTo("FAILED");
        assertThat(done.get("failure").asString()).isEqualTo("import.failure.xls");
    }
}
