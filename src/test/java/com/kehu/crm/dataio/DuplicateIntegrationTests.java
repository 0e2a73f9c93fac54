package com.kehu.crm.dataio;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Finding likely duplicates (phone, e-mail, similar names in one region), dismissing them, and the screens. */
@IntegrationTest
class DuplicateIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    DuplicateScan scan;

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    long customer(String name, String owner, String region, String phone, String email) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, phone, phone_digits, email, region, relation_category,
                                              importance, status, owner_id)
                        values (:id, :code, 'ENTERPRISE', :name, :phone, :digits, :email, :region, 'B2B', 'ORDINARY',
                                'POTENTIAL', (select id from app_user where username = :owner))""")
                .param("id", id)
                .param("code", "D" + UUID.randomUUID().toString().substring(0, 12))
                .param("name", name)
                .param("phone", phone)
                .param("digits", phone == null ? null : phone.replaceAll("\\D", ""))
                .param("email", email)
                .param("region", region)
                .param("owner", owner)
                .update();
        return id;
    }

    static String unique() {
        return UUID.randomUUID().toString().replaceAll("\\D", "").substring(0, 6);
    }

    /** The pair's reasons as "phone,email,score", or null if the scan did not list it. */
    String pair(long x, long y) {
        List<String> rows = jdbc.sql("""
                        select same_phone || ',' || same_email || ',' || coalesce(name_score::text, '-') || ',' || dismissed
                        from customer_duplicate_candidate where low_id = :low and high_id = :high""")
                .param("low", Math.min(x, y))
                .param("high", Math.max(x, y))
                .query(String.class)
                .list();
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void scanFindsSamePhoneSameEmailAndSimilarChineseNamesInOneRegion() {
        String u = unique();
        long p1 = customer("甲" + u + "贸易", "rep1", "EAST", "138-0013-" + u.substring(0, 4), null);
        long p2 = customer("乙" + u + "物流", "rep2", "SOUTH", "(138)0013" + u.substring(0, 4), null);
        long e1 = customer("丙" + u, "rep1", "EAST", null, "dup" + u + "@example.com");
        long e2 = customer("丁" + u, "rep1", "NORTH", null, "DUP" + u + "@Example.com");
        String base = "上海" + u + "精密机械制造有限公司";
        long n1 = customer(base, "rep1", "EAST", null, null);
        long n2 = customer("上海" + u + "精密机械制造公司", "rep2", "EAST", null, null);
        long other = customer("上海" + u + "精密机械制造公司", "rep3", "NORTH", null, null);
        long unrelated = customer("北京" + u + "软件开发", "rep1", "EAST", null, null);

        scan.runNow();

        assertThat(pair(p1, p2)).startsWith("true,false,");
        assertThat(pair(e1, e2)).startsWith("false,true,");
        assertThat(pair(n1, n2)).startsWith("false,false,0.");
        assertThat(pair(n1, other)).as("similar name in another region").isNull();
        assertThat(pair(n1, unrelated)).isNull();
        assertThat(scan.status().status()).isEqualTo("DONE");

        // the manager of the East team sees the East pair with its reasons; the North manager does not
        assertThat(mvc.get().uri("/data/duplicates").with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .contains(base)
                .contains("Similar name 0.");
        assertThat(mvc.get().uri("/api/v1/customers/duplicates?size=200").with(httpBasic("manager2", PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(base);

        // dismissed pairs stay dismissed after the next scan; the North manager cannot dismiss East's pair
        assertThat(mvc.post()
                        .uri("/data/duplicates/{a}/{b}/dismiss", n2, n1)
                        .with(user("manager2"))
                        .with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/data/duplicates/{a}/{b}/dismiss", n2, n1)
                        .with(user("manager"))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        scan.runNow();
        assertThat(pair(n1, n2)).endsWith(",true");
        assertThat(mvc.get().uri("/data/duplicates").with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(base);
    }

    /** A random two-character Chinese name, so no other test's customers share its bigram. */
    static String randomName() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return new String(new char[] {(char) r.nextInt(0x4E00, 0x9FA5), (char) r.nextInt(0x4E00, 0x9FA5)});
    }

    @Test
    void aCommonNameSharedByMoreCustomersThanTheCapIsNoEvidenceButARareOneIs() {
        String common = randomName();
        List<Long> many = jdbc.sql("""
                        insert into customer (id, code, kind, name, region, relation_category, importance, status,
                                              owner_id)
                        select nextval('customer_seq'), 'DC' || substr(md5(random()::text), 1, 12), 'INDIVIDUAL', :name,
                               'NORTHWEST', 'CONSUMER', 'ORDINARY', 'POTENTIAL',
                               (select id from app_user where username = 'rep1')
                        from generate_series(1, 201)
                        returning id""").param("name", common).query(Long.class).list();
        String rare = randomName();
        long r1 = customer(rare, "rep1", "NORTHWEST", null, null);
        long r2 = customer(rare, "rep2", "NORTHWEST", null, null);

        scan.runNow();

        assertThat(pair(r1, r2)).as("two customers with a rare identical name").startsWith("false,false,1");
        assertThat(pair(many.get(0), many.get(1)))
                .as("201 customers called " + common + " (crm.dataio.duplicates.max-name-group is 200)")
                .isNull();
    }

    @Test
    void mergeScreenShowsBothAndMergesWithChosenFields() {
        String u = unique();
        long a = customer("屏幕合并" + u, "rep1", "EAST", "021-6" + u, null);
        long b = customer("屏幕合并" + u + "公司", "rep2", "EAST", null, "screen" + u + "@example.com");
        jdbc.sql("insert into contact (id, customer_id, name) values (nextval('contact_seq'), :c, '张三')")
                .param("c", b)
                .update();

        assertThat(mvc.get().uri("/data/duplicates/{a}/{b}", a, b).with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .contains("屏幕合并" + u + "公司")
                .contains("1 contacts");
        assertThat(mvc.get().uri("/data/duplicates/{a}/{b}", a, b).with(user("manager2")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/data/duplicates/{a}/{b}", a, b)
                        .with(user("manager"))
                        .param("keep", String.valueOf(a))
                        .param("keepVersion", "0")
                        .param("mergeVersion", "0")
                        .param("f_name", "merge"))
                .as("no CSRF token")
                .hasStatus(HttpStatus.FORBIDDEN);
        // a stale version re-shows the screen with a message, and nothing is merged
        assertThat(mvc.post()
                        .uri("/data/duplicates/{a}/{b}", a, b)
                        .with(user("manager"))
                        .with(csrf())
                        .param("keep", String.valueOf(a))
                        .param("keepVersion", "7")
                        .param("mergeVersion", "0"))
                .hasStatusOk()
                .bodyText()
                .contains("changed by someone else");
        assertThat(mvc.post()
                        .uri("/data/duplicates/{a}/{b}", a, b)
                        .with(user("manager"))
                        .with(csrf())
                        .param("keep", String.valueOf(a))
                        .param("keepVersion", "0")
                        .param("mergeVersion", "0")
                        .param("f_name", "merge"))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/customers/" + a);
        var kept = jdbc.sql("select name, phone, email from customer where id = :id")
                .param("id", a)
                .query()
                .singleRow();
        assertThat(kept.get("name")).isEqualTo("屏幕合并" + u + "公司");
        assertThat(kept.get("phone")).isEqualTo("021-6" + u);
        assertThat(kept.get("email")).isEqualTo("screen" + u + "@example.com");
        assertThat(jdbc.sql("select count(*) from contact where customer_id = :c")
                        .param("c", a)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void scanNowRunsInTheBackgroundForManagersOnly() throws InterruptedException {
        assertThat(mvc.post().uri("/data/duplicates/scan").with(user("rep1")).with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/data/duplicates/scan").with(user("manager")).with(csrf()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/data/duplicates");
        org.awaitility.Awaitility.await("the duplicate scan ends")
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !scan.status().running());
        assertThat(scan.status().status()).isEqualTo("DONE");
        assertThat(mvc.get().uri("/data/duplicates/scan").with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .contains("Last scan finished.");
    }
}
