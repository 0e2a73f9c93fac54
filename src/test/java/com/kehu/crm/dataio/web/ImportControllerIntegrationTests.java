package com.kehu.crm.dataio.web;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.dataio.ImportDrafts;
import com.kehu.crm.dataio.ImportType;
import com.kehu.crm.support.IntegrationTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The import screens step by step: upload, mapping and templates, preview, run, report, error file, undo, cleanup. */
@IntegrationTest
class ImportControllerIntegrationTests {

    static final Charset GBK = Charset.forName("GB18030");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ImportDrafts drafts;

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String phone() {
        return "1" + (3_000_000_000L + ThreadLocalRandom.current().nextLong(6_999_999_999L));
    }

    MvcTestResult upload(String username, String fileName, byte[] content, String... params) {
        var request = mvc.post()
                .uri("/data/imports/new")
                .multipart()
                .file(new MockMultipartFile("file", fileName, "text/csv", content));
        if (!List.of(params).contains("type")) {
            request = request.param("type", "CUSTOMERS");
        }
        if (!List.of(params).contains("encoding")) {
            request = request.param("encoding", "auto");
        }
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.with(user(username)).with(csrf()).exchange();
    }

    /** Uploads as the manager and returns the new draft's id, from the redirect to its mapping step. */
    long draft(byte[] content, String... params) {
        MvcTestResult result = upload("manager", "customers.csv", content, params);
        assertThat(result).hasStatus(HttpStatus.FOUND);
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/data/imports/\\d+/mapping");
        return Long.parseLong(location.replaceAll("\\D", ""));
    }

    MvcTestResult postMapping(long id, String username, String... params) {
        var request = mvc.post().uri("/data/imports/{id}/mapping", id);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.with(user(username)).with(csrf()).exchange();
    }

    String html(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    Map<String, Object> job(long id) {
        return jdbc.sql("select * from import_job where id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    @SuppressWarnings("unchecked")
    List<ImportWizardController.MappingColumn> columns(MvcTestResult result) {
        return (List<ImportWizardController.MappingColumn>)
                result.getMvcResult().getModelAndView().getModel().get("columns");
    }

    /** Maps, runs and waits for the import to finish; returns its status. */
    String runToEnd(long id, String... mapping) {
        assertThat(postMapping(id, "manager", mapping))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/data/imports/" + id + "/preview");
        assertThat(mvc.post()
                        .uri("/data/imports/{id}/run", id)
                        .with(user("manager"))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/data/imports/" + id);
        return Awaitility.await("import " + id)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> (String) job(id).get("status"), s -> !s.equals("QUEUED") && !s.equals("RUNNING"));
    }

    @Test
    void uploadKeepsTheFileAsADraftOnlyItsUploaderSees() throws Exception {
        String csv = "客户名称,电话,地区\n上海星辰贸易" + unique() + "," + phone() + ",华东\n";
        long id = draft(csv.getBytes(GBK), "allOrNothing", "true");
        Map<String, Object> job = job(id);
        assertThat(job.get("status")).isEqualTo("DRAFT");
        assertThat(job.get("detected_encoding")).isEqualTo("GB18030");
        assertThat(job.get("all_or_nothing")).isEqualTo(true);
        assertThat(job.get("file_name")).isEqualTo("customers.csv");
        assertThat(Files.readAllBytes(Path.of((String) job.get("stored_file")))).isEqualTo(csv.getBytes(GBK));

        assertThat(mvc.get().uri("/data/imports/{id}/mapping", id).with(user("manager")))
                .hasStatusOk();
        assertThat(mvc.get().uri("/data/imports/{id}/mapping", id).with(user("manager2")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/data/imports/{id}/preview", id).with(user("admin")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/data/imports/{id}/run", id)
                        .with(user("manager2"))
                        .with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/imports/{id}", id).with(httpBasic("admin", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(job(id).get("status")).isEqualTo("DRAFT");
        // the import page of a draft is its mapping step
        assertThat(mvc.get().uri("/data/imports/{id}", id).with(user("manager")))
                .hasRedirectedUrl("/data/imports/" + id + "/mapping");
    }

    @Test
    void repsCannotOpenTheImportScreens() {
        assertThat(mvc.get().uri("/data/imports").with(user("rep1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/data/imports/new").with(user("rep1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(upload("rep1", "customers.csv", "name\nX\n".getBytes(StandardCharsets.UTF_8)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void uploadStepNamesWhatIsWrongWithTheFileAndSavesNothing() throws Exception {
        long before =
                jdbc.sql("select count(*) from import_job").query(Long.class).single();
        MvcTestResult missing = mvc.post()
                .uri("/data/imports/new")
                .multipart()
                .param("type", "CUSTOMERS")
                .param("encoding", "auto")
                .header("Accept-Language", "zh-CN")
                .with(user("manager"))
                .with(csrf())
                .exchange();
        assertThat(missing).hasStatusOk().hasViewName("data/import-upload");
        assertThat(html(missing)).contains("请选择要导入的文件。").contains("is-invalid");

        MvcTestResult empty = upload("manager", "empty.csv", new byte[0]);
        assertThat(empty).hasStatusOk().hasViewName("data/import-upload");
        assertThat(html(empty)).contains("The file is empty.");

        MvcTestResult word = upload("manager", "customers.docx", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(html(word)).contains("Only CSV (.csv, .txt) and Excel (.xlsx) files can be imported.");

        MvcTestResult encoding =
                upload("manager", "c.csv", "name\nX\n".getBytes(StandardCharsets.UTF_8), "encoding", "EBCDIC");
        assertThat(html(encoding)).contains("Choose one of the listed encodings.");

        assertThat(jdbc.sql("select count(*) from import_job").query(Long.class).single())
                .isEqualTo(before);

        // the container refused a file over spring.servlet.multipart.max-file-size: back on the form, said why
        assertThat(html(mvc.get()
                        .uri("/data/imports/new?tooLarge")
                        .with(user("manager"))
                        .exchange()))
                .contains("The file is too large: at most 2.0 GB.");
    }

    @Test
    void uploadFormOffersEveryTypeAndEncoding() throws Exception {
        String page =
                html(mvc.get().uri("/data/imports/new").with(user("manager")).exchange());
        assertThat(page)
                .contains("value=\"CUSTOMERS\"")
                .contains("value=\"ORDERS\"")
                .contains("data-missing-customers=\"true\"")
                .contains("GBK / GB18030 (Chinese Excel)")
                .contains("accept=\".csv,.xlsx");
    }

    @Test
    void mappingIsGuessedFromChineseHeaders() throws Exception {
        long id =
                draft(("客户名称,电话,邮箱,地区,备注\n西湖茶业" + unique() + "," + phone() + ",a@example.com,华东,老客户\n").getBytes(GBK));
        MvcTestResult page = mvc.get()
                .uri("/data/imports/{id}/mapping", id)
                .with(user("manager"))
                .exchange();
        assertThat(page).hasStatusOk().hasViewName("data/import-mapping");
        assertThat(columns(page))
                .extracting(ImportWizardController.MappingColumn::chosen)
                .containsExactly("name", "phone", "email", "region", "");
        assertThat(columns(page).get(4).samples()).containsExactly("老客户");
        assertThat(html(page)).contains("备注").contains("(ignore)");

        long orders = draft("客户编号,订单日期,金额\nC1,2026-01-02,100\n".getBytes(StandardCharsets.UTF_8), "type", "ORDERS");
        assertThat(columns(mvc.get()
                        .uri("/data/imports/{id}/mapping", orders)
                        .with(user("manager"))
                        .exchange()))
                .extracting(ImportWizardController.MappingColumn::chosen)
                .containsExactly("code", "order_date", "amount");
    }

    @Test
    void aFieldChosenTwiceOrARequiredFieldMissingIsRefusedAndNothingSaved() throws Exception {
        long id = draft("公司,联系电话\n某公司,13800000000\n".getBytes(StandardCharsets.UTF_8));
        MvcTestResult twice = postMapping(id, "manager", "col_0", "name", "col_1", "name");
        assertThat(twice).hasStatusOk().hasViewName("data/import-mapping");
        assertThat(columns(twice))
                .extracting(ImportWizardController.MappingColumn::error)
                .containsExactly("import.mapping.twice", "import.mapping.twice");
        assertThat(html(twice)).contains("This field is chosen for another column too.");
        assertThat(job(id).get("mapping").toString()).isEqualTo("{}");

        MvcTestResult missing = postMapping(
                id,
                "manager",
                "col_0",
                "",
                "col_1",
                "phone",
                "action",
                "saveTemplate",
                "templateName",
                "Never saved " + unique());
        assertThat(missing).hasStatusOk();
        assertThat(html(missing)).contains("These fields must be mapped to a column: customer name.");
        assertThat(job(id).get("mapping").toString()).isEqualTo("{}");
        assertThat(jdbc.sql("select count(*) from import_mapping_template where name like 'Never saved %'")
                        .query(Long.class)
                        .single())
                .isZero();

        MvcTestResult zh = mvc.post()
                .uri("/data/imports/{id}/mapping", id)
                .param("col_0", "phone")
                .param("col_1", "phone")
                .header("Accept-Language", "zh-CN")
                .with(user("manager"))
                .with(csrf())
                .exchange();
        assertThat(html(zh)).contains("该字段已被另一列选用。").contains("以下字段必须对应到某一列：客户名称。");

        assertThat(postMapping(id, "manager", "col_0", "name", "col_1", "phone"))
                .hasRedirectedUrl("/data/imports/" + id + "/preview");
        assertThat(job(id).get("mapping").toString())
                .contains("\"公司\": \"name\"")
                .contains("\"联系电话\": \"phone\"");
    }

    @Test
    void mappingTemplatesAreSavedLoadedAndDeletedByTheirCreator() throws Exception {
        String name = "ERP 月度导出 " + unique();
        long id = draft("公司全称,座机,Notes\n某公司,010-1234567,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(postMapping(
                        id,
                        "manager",
                        "col_0",
                        "name",
                        "col_1",
                        "phone",
                        "col_2",
                        "",
                        "action",
                        "saveTemplate",
                        "templateName",
                        name))
                .hasRedirectedUrl("/data/imports/" + id + "/mapping");
        long template = jdbc.sql("select id from import_mapping_template where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();

        MvcTestResult taken = postMapping(
                id, "manager2", "col_0", "name", "action", "saveTemplate", "templateName", name.toUpperCase());
        assertThat(taken).hasStatus(HttpStatus.NOT_FOUND);
        long other = draft("公司全称,座机,Notes\n另一家,021-7654321,y\n".getBytes(StandardCharsets.UTF_8));
        MvcTestResult again = postMapping(
                other,
                "manager",
                "col_0",
                "name",
                "col_1",
                "",
                "col_2",
                "",
                "action",
                "saveTemplate",
                "templateName",
                name.toLowerCase());
        assertThat(html(again)).contains("A saved mapping of this type already has this name.");

        // another file with the same headers: none of them is guessed, the template maps them
        MvcTestResult loaded = mvc.get()
                .uri("/data/imports/{id}/mapping?template={t}", other, template)
                .with(user("manager"))
                .exchange();
        assertThat(columns(loaded))
                .extracting(ImportWizardController.MappingColumn::chosen)
                .containsExactly("name", "phone", "");
        assertThat(html(loaded)).contains(name);

        assertThat(mvc.post()
                        .uri("/data/imports/templates/{t}/delete?draft={d}", template, other)
                        .with(user("manager2"))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/data/imports/templates/{t}/delete?draft={d}", template, other)
                        .with(user("manager"))
                        .with(csrf()))
                .hasRedirectedUrl("/data/imports/" + other + "/mapping");
        assertThat(jdbc.sql("select count(*) from import_mapping_template where id = :id")
                        .param("id", template)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void previewMarksTheBadRowWithItsReasonInTheUsersLanguage() throws Exception {
        String good = "预览好客户" + unique();
        String bad = "预览坏客户" + unique();
        long id = draft(("客户名称,邮箱\n" + good + ",good@example.com\n" + bad + ",not-an-email\n").getBytes(GBK));
        assertThat(postMapping(id, "manager", "col_0", "name", "col_1", "email"))
                .hasStatus(HttpStatus.FOUND);

        MvcTestResult en = mvc.get()
                .uri("/data/imports/{id}/preview", id)
                .header("Accept-Language", "en")
                .with(user("manager"))
                .exchange();
        assertThat(en).hasStatusOk().hasViewName("data/import-preview");
        assertThat(html(en))
                .contains(good)
                .contains(bad)
                .contains("Not a valid e-mail address.")
                .contains("1 of the first 2 rows have problems")
                .contains("id=\"line-3\" class=\"table-danger preview-bad\"")
                .contains("Encoding: GB18030");
        MvcTestResult zh = mvc.get()
                .uri("/data/imports/{id}/preview", id)
                .header("Accept-Language", "zh-CN")
                .with(user("manager"))
                .exchange();
        assertThat(html(zh)).contains("邮箱格式不正确。").contains("编码：GB18030");

        // the staged rows were rolled back, and nothing was imported
        assertThat(jdbc.sql("select count(*) from import_row where import_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from customer where name in (:n)")
                        .param("n", List.of(good, bad))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(job(id).get("status")).isEqualTo("DRAFT");
    }

    @Test
    void runFinishesWithTheReportTheErrorFileAndUndo() throws Exception {
        String code = "W" + unique();
        String csv =
                "客户编号,客户名称,邮箱\n" + code + ",网页导入公司," + code + "@example.com\n" + "W" + unique() + ",坏邮箱公司,bad-mail\n";
        long id = draft(csv.getBytes(GBK));
        assertThat(runToEnd(id, "col_0", "code", "col_1", "name", "col_2", "email"))
                .isEqualTo("DONE");
        assertThat(job(id).get("encoding")).isEqualTo("GB18030");
        assertThat(Files.exists(Path.of((String) job(id).get("stored_file")))).isFalse();

        MvcTestResult page =
                mvc.get().uri("/data/imports/{id}", id).with(user("manager")).exchange();
        assertThat(page).hasStatusOk().hasViewName("data/import");
        assertThat(html(page))
                .contains("id=\"import-progress\"")
                .contains("aria-valuenow=\"100\"")
                .contains("id=\"count-inserted\">1<")
                .contains("text-danger\" id=\"count-failed\">1<")
                .contains("/data/imports/" + id + "/errors")
                .contains("Download the failed row<")
                .contains("id=\"undo-import\"")
                .doesNotContain("every 1s");
        MvcTestResult fragment = mvc.get()
                .uri("/data/imports/{id}/status", id)
                .with(user("manager"))
                .exchange();
        assertThat(html(fragment)).contains("id=\"import-status\"").doesNotContain("<nav");

        MvcTestResult errors = mvc.get()
                .uri("/data/imports/{id}/errors", id)
                .header("Accept-Language", "zh-CN")
                .with(user("manager"))
                .exchange();
        assertThat(errors).hasStatusOk();
        assertThat(errors.getResponse().getHeader("Content-Disposition")).contains("import-" + id + "-errors.csv");
        assertThat(html(errors)).contains("行号,原因").contains("3,邮箱格式不正确。").contains("bad-mail");
        assertThat(mvc.get().uri("/data/imports/{id}/errors", id).with(user("manager2")))
                .hasStatus(HttpStatus.NOT_FOUND);

        String list = html(mvc.get().uri("/data/imports").with(user("manager")).exchange());
        assertThat(list).contains("/data/imports/" + id + "\"");
        assertThat(html(mvc.get().uri("/data/imports").with(user("manager2")).exchange()))
                .doesNotContain("/data/imports/" + id + "\"");
        assertThat(html(mvc.get().uri("/data/imports").with(user("admin")).exchange()))
                .contains("/data/imports/" + id + "\"");

        assertThat(mvc.post()
                        .uri("/data/imports/{id}/undo", id)
                        .with(user("manager"))
                        .with(csrf()))
                .hasRedirectedUrl("/data/imports/" + id);
        assertThat(job(id).get("status")).isEqualTo("UNDONE");
        assertThat(jdbc.sql("select count(*) from customer where code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(html(mvc.get()
                        .uri("/data/imports/{id}", id)
                        .with(user("manager"))
                        .exchange()))
                .contains("id=\"import-undone\"")
                .doesNotContain("id=\"undo-import\"");
    }

    @Test
    void undoIsRefusedAfterALaterEditAndNamesTheBlockingCustomer() throws Exception {
        String code = "E" + unique();
        long id = draft(("客户编号,客户名称\n" + code + ",稍后修改公司\n").getBytes(StandardCharsets.UTF_8));
        assertThat(runToEnd(id, "col_0", "code", "col_1", "name")).isEqualTo("DONE");
        long customer = jdbc.sql("update customer set name = '已修改', version = version + 1 where code = :c returning id")
                .param("c", code)
                .query(Long.class)
                .single();

        MvcTestResult refused = mvc.post()
                .uri("/data/imports/{id}/undo", id)
                .header("Accept-Language", "zh-CN")
                .with(user("manager"))
                .with(csrf())
                .exchange();
        assertThat(refused).hasStatusOk().hasViewName("data/import");
        assertThat(html(refused))
                .contains("id=\"undo-blocked\"")
                .contains("/customers/" + customer)
                .contains(code)
                .contains("导入后被修改过");
        assertThat(job(id).get("status")).isEqualTo("DONE");
    }

    @Test
    void cleanupDeletesOldDraftsWithTheirFilesAndOldRowsEndUndo() throws Exception {
        long old = draft("name\nOld draft\n".getBytes(StandardCharsets.UTF_8));
        long fresh = draft("name\nFresh draft\n".getBytes(StandardCharsets.UTF_8));
        Path oldFile = Path.of((String) job(old).get("stored_file"));
        jdbc.sql("update import_job set created_at = now() - interval '25 hours' where id = :id")
                .param("id", old)
                .update();

        String code = "P" + unique();
        long finished = draft(("code,name\n" + code + ",Purged Rows\n").getBytes(StandardCharsets.UTF_8));
        assertThat(runToEnd(finished, "col_0", "code", "col_1", "name")).isEqualTo("DONE");
        jdbc.sql("update import_job set finished_at = now() - interval '91 days' where id = :id")
                .param("id", finished)
                .update();

        ImportDrafts.Cleanup cleanup = drafts.cleanup(Instant.now());
        assertThat(cleanup.drafts()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from import_job where id = :id")
                        .param("id", old)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(Files.exists(oldFile)).isFalse();
        assertThat(job(fresh).get("status")).isEqualTo("DRAFT");
        assertThat(Files.exists(Path.of((String) job(fresh).get("stored_file"))))
                .isTrue();

        assertThat(job(finished).get("rows_purged_at")).isNotNull();
        assertThat(jdbc.sql("select count(*) from import_row where import_id = :id")
                        .param("id", finished)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(html(mvc.get()
                        .uri("/data/imports/{id}", finished)
                        .with(user("manager"))
                        .exchange()))
                .contains("id=\"rows-purged\"")
                .doesNotContain("id=\"undo-import\"");
        assertThat(mvc.post()
                        .uri("/data/imports/{id}/undo", finished)
                        .with(user("manager"))
                        .with(csrf()))
                .hasRedirectedUrl("/data/imports/" + finished);
        assertThat(mvc.delete().uri("/api/v1/imports/{id}", finished).with(httpBasic("manager", PASSWORD)))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(job(finished).get("status")).isEqualTo("DONE");
        assertThat(jdbc.sql("select count(*) from customer where code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aDraftCanBeDiscarded() throws Exception {
        long id = draft("name\nDiscard me\n".getBytes(StandardCharsets.UTF_8));
        Path file = Path.of((String) job(id).get("stored_file"));
        assertThat(mvc.post()
                        .uri("/data/imports/{id}/discard", id)
                        .with(user("manager"))
                        .with(csrf()))
                .hasRedirectedUrl("/data/imports");
        assertThat(Files.exists(file)).isFalse();
        assertThat(jdbc.sql("select count(*) from import_job where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void everyImportTypeGetsItsOwnFieldsOnTheMappingStep() throws Exception {
        for (ImportType type : ImportType.values()) {
            long id = draft("some header,another\nx,y\n".getBytes(StandardCharsets.UTF_8), "type", type.name());
            MvcTestResult page = mvc.get()
                    .uri("/data/imports/{id}/mapping", id)
                    .with(user("manager"))
                    .exchange();
            assertThat(page).as(type.name()).hasStatusOk();
            @SuppressWarnings("unchecked")
            List<ImportWizardController.FieldOption> fields = (List<ImportWizardController.FieldOption>)
                    page.getMvcResult().getModelAndView().getModel().get("fields");
            assertThat(fields)
                    .extracting(ImportWizardController.FieldOption::name)
                    .as(type.name())
                    .containsExactlyElementsOf(drafts.typeInfo(type).fields());
            assertThat(html(page)).doesNotContain("??");
        }
    }

    @Test
    void theStatusPollsEverySecondWhileTheImportRuns() throws Exception {
        long id = jdbc.sql("select nextval('import_job_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into import_job (id, type, status, file_name, on_duplicate, file_bytes, read_bytes,
                                                processed, created_by, created_at, started_at)
                        select :id, 'CUSTOMERS', 'RUNNING', 'big.csv', 'SKIP', 1000000, 500000, 250000, u.id,
                               now() - interval '10 seconds', now() - interval '10 seconds'
                        from app_user u where u.username = 'manager'""").param("id", id).update();
        MvcTestResult fragment = mvc.get()
                .uri("/data/imports/{id}/status", id)
                .with(user("manager"))
                .exchange();
        assertThat(fragment).hasStatusOk();
        assertThat(html(fragment))
                .contains("hx-get=\"/data/imports/" + id + "/status\"")
                .contains("hx-trigger=\"every 1s\"")
                .contains("aria-valuenow=\"45\"")
                .contains("data-percent=\"45\"")
                .contains("250,000 rows read")
                .containsPattern("· 2\\d,\\d{3} rows per second")
                .containsPattern("· about (9|1\\d) s left")
                .doesNotContain("id=\"undo-import\"")
                .doesNotContain("<nav");
        assertThat(mvc.get().uri("/data/imports/{id}/status", id).with(user("manager2")))
                .hasStatus(HttpStatus.NOT_FOUND);
        // a long way to go reads in minutes
        jdbc.sql("update import_job set read_bytes = 50000, processed = 25000 where id = :id")
                .param("id", id)
                .update();
        assertThat(html(mvc.get()
                        .uri("/data/imports/{id}/status", id)
                        .with(user("manager"))
                        .exchange()))
                .containsPattern("· about \\d min left");
        jdbc.sql("update import_job set status = 'FAILED', failure = 'import.failure.generic', finished_at = now()"
                        + " where id = :id")
                .param("id", id)
                .update();
        assertThat(html(mvc.get()
                        .uri("/data/imports/{id}", id)
                        .with(user("manager"))
                        .exchange()))
                .contains("id=\"import-failure\"")
                .contains("The import stopped because the file could not be read.")
                .doesNotContain("every 1s");
    }

    @Test
    void anAllOrNothingImportWithABadRowFailsAndStillOffersTheErrorFile() throws Exception {
        String code = "A" + unique();
        long id = draft(
                ("code,name,email\n" + code + ",Fine Co,fine@example.com\n" + "A" + unique() + ",Bad Co,nope\n")
                        .getBytes(StandardCharsets.UTF_8),
                "allOrNothing",
                "true");
        assertThat(postMapping(id, "manager", "col_0", "code", "col_1", "name", "col_2", "email"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(html(mvc.get()
                        .uri("/data/imports/{id}/preview", id)
                        .with(user("manager"))
                        .exchange()))
                .contains("All or nothing: if any row has a problem, nothing is imported.");
        assertThat(runToEnd(id, "col_0", "code", "col_1", "name", "col_2", "email"))
                .isEqualTo("FAILED");
        assertThat(html(mvc.get()
                        .uri("/data/imports/{id}", id)
                        .with(user("manager"))
                        .exchange()))
                .contains("id=\"import-failure\"")
                .contains("Nothing was imported")
                .contains("/data/imports/" + id + "/errors")
                .doesNotContain("id=\"undo-import\"");
        assertThat(jdbc.sql("select count(*) from customer where code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aFileWithoutAHeaderRowSaysSoAndCanBeReplaced() throws Exception {
        long id = draft("\n\n".getBytes(StandardCharsets.UTF_8));
        MvcTestResult page = mvc.get()
                .uri("/data/imports/{id}/mapping", id)
                .with(user("manager"))
                .exchange();
        assertThat(page).hasStatusOk().hasViewName("data/import-unreadable");
        assertThat(html(page)).contains("The file is empty: it has no header row.");
        assertThat(mvc.get().uri("/data/imports/{id}/preview", id).with(user("manager")))
                .hasRedirectedUrl("/data/imports/" + id + "/mapping");
        assertThat(mvc.post()
                        .uri("/data/imports/{id}/discard", id)
                        .with(user("manager"))
                        .with(csrf()))
                .hasRedirectedUrl("/data/imports");
    }
}
