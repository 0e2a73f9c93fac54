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

    /** A person (INDIVIDUAL) with the second signals the scan may use: birthday (profile), address and e-mail. */
    long person(String name, String owner, String region, String birthday, String address, String email) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, email, address, region, relation_category,
                                              importance, status, owner_id, profile)
                        values (:id, :code, 'INDIVIDUAL', :name, :email, :address, :region, 'CONSUMER', 'ORDINARY',
                                'POTENTIAL', (select id from app_user where username = :owner),
                                case when cast(:birthday as text) is null then '{}'::jsonb
                                     else jsonb_build_object('basic.birthday', cast(:birthday as text)) end)""")
                .param("id", id)
                .param("code", "DP" + UUID.randomUUID().toString().substring(0, 12))
                .param("name", name)
                .param("email", email)
                .param("address", address)
                .param("region", region)
                .param("owner", owner)
                .param("birthday", birthday)
                .update();
        return id;
    }

    /** The open cluster holding all these customers, as "reason,size,oversized", or null if there is none. */
    String cluster(long... ids) {
        List<String> rows = jdbc.sql("""
                        select reason || ',' || size || ',' || oversized from customer_duplicate_cluster
                        where member_ids @> :ids and not dismissed""")
                .param("ids", java.util.Arrays.stream(ids).boxed().toArray(Long[]::new))
                .query(String.class)
                .list();
        return rows.isEmpty() ? null : String.join(";", rows);
    }

    long clusterId(long... ids) {
        return jdbc.sql("select id from customer_duplicate_cluster where member_ids @> :ids")
                .param("ids", java.util.Arrays.stream(ids).boxed().toArray(Long[]::new))
                .query(Long.class)
                .single();
    }

    /** Pairs among these customers. */
    int pairsAmong(List<Long> ids) {
        return jdbc.sql("""
                        select count(*) from customer_duplicate_candidate
                        where low_id = any(:ids) and high_id = any(:ids)""")
                .param("ids", ids.toArray(Long[]::new))
                .query(Integer.class)
                .single();
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
        // the same company without the legal form's 有限: identical once normalised, so a cluster, not a pair
        long n2 = customer("上海" + u + "精密机械制造公司", "rep2", "EAST", null, null);
        String similar = "上海" + u + "精密机械制造厂";
        long n3 = customer(similar, "rep1", "EAST", null, null);
        long other = customer("上海" + u + "精密机械制造公司", "rep3", "NORTH", null, null);
        long unrelated = customer("北京" + u + "软件开发", "rep1", "EAST", null, null);

        scan.runNow();

        assertThat(pair(p1, p2)).startsWith("true,false,");
        assertThat(pair(e1, e2)).startsWith("false,true,");
        assertThat(cluster(n1, n2)).isEqualTo("NAME,2,false");
        assertThat(pair(n1, n2)).as("identical names are a cluster, not a pair").isNull();
        assertThat(pair(n1, n3)).startsWith("false,false,0.");
        assertThat(cluster(n1, other)).as("the same name in another region").isNull();
        assertThat(pair(n1, other)).as("similar name in another region").isNull();
        assertThat(pair(n1, unrelated)).isNull();
        assertThat(scan.status().status()).isEqualTo("DONE");

        // the manager of the East team sees the East pair and cluster with their reasons; the North manager does not
        assertThat(mvc.get().uri("/data/duplicates").with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .contains(similar)
                .contains("上海" + u + "精密机械制造公司")
                .contains("Similar name 0.");
        assertThat(mvc.get().uri("/api/v1/customers/duplicates?size=200").with(httpBasic("manager2", PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(similar)
                .doesNotContain(base);

        // dismissed pairs stay dismissed after the next scan; the North manager cannot dismiss East's pair
        assertThat(mvc.post()
                        .uri("/data/duplicates/{a}/{b}/dismiss", n3, n1)
                        .with(user("manager2"))
                        .with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/data/duplicates/{a}/{b}/dismiss", n3, n1)
                        .with(user("manager"))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        scan.runNow();
        assertThat(pair(n1, n3)).endsWith(",true");
        assertThat(mvc.get().uri("/data/duplicates").with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("/data/duplicates/" + Math.min(n1, n3) + "/" + Math.max(n1, n3) + "/dismiss")
                .as("n3 is still similar to n2, the other member of n1's cluster")
                .contains("/data/duplicates/" + Math.min(n2, n3) + "/" + Math.max(n2, n3) + "/dismiss");
    }

    /** A random two-character Chinese name, so no other test's customers share its bigram. */
    static String randomName() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return new String(new char[] {(char) r.nextInt(0x4E00, 0x9FA5), (char) r.nextInt(0x4E00, 0x9FA5)});
    }

    @Test
    void aClusterLargerThanTheMaximumIsNotedButNotPresented() {
        String common = randomName() + "贸易";
        List<Long> many = jdbc.sql("""
                        insert into customer (id, code, kind, name, region, relation_category, importance, status,
                                              owner_id)
                        select nextval('customer_seq'), 'DC' || substr(md5(random()::text), 1, 12), 'ENTERPRISE',
                               :name || (array['有限公司', '公司', '股份有限公司'])[1 + g % 3],
                               'NORTHWEST', 'B2B', 'ORDINARY', 'POTENTIAL',
                               (select id from app_user where username = 'rep1')
                        from generate_series(1, 51) g
                        returning id""").param("name", common).query(Long.class).list();
        String rare = randomName() + "贸易";
        long r1 = customer(rare + "有限公司", "rep1", "NORTHWEST", null, null);
        long r2 = customer(rare + "集团有限公司", "rep2", "NORTHWEST", null, null);

        scan.runNow();

        assertThat(cluster(r1, r2)).as("two companies with the same name").isEqualTo("NAME,2,false");
        assertThat(cluster(many.get(0), many.get(50)))
                .as("51 companies called " + common + " (crm.dataio.duplicates.max-cluster is 50)")
                .isEqualTo("NAME,51,true");
        assertThat(pairsAmong(many)).isZero();
        assertThat(mvc.get().uri("/api/v1/customers/duplicates?size=200").with(httpBasic("admin", PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(common);
        assertThat(mvc.get()
                        .uri("/data/duplicates/clusters/{id}", clusterId(many.get(0), many.get(1)))
                        .with(user("admin")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/data/duplicates").with(user("admin")))
                .hasStatusOk()
                .bodyText()
                .contains("very common names");
    }

    @Test
    void identicalNamesInOneRegionFormOneClusterNotPairs() {
        String name = randomName() + "科技";
        long a = customer(name + "有限公司", "rep1", "EAST", null, null);
        long b = customer(name + "股份有限公司", "rep1", "EAST", null, null);
        long c = customer(name + "（上海）有限公司", "rep2", "EAST", null, null);
        long d = customer(" " + name + " 公司", "rep2", "EAST", null, null);

        scan.runNow();

        assertThat(cluster(a, b, c, d)).isEqualTo("NAME,4,false");
        assertThat(pairsAmong(List.of(a, b, c, d)))
                .as("one cluster, not six pairs")
                .isZero();
        assertThat(mvc.get()
                        .uri("/data/duplicates/clusters/{id}", clusterId(a, b))
                        .with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .contains(name + "（上海）有限公司")
                .contains("4 customers look like one");
    }

    @Test
    void peopleWithTheSameNameNeedASecondSignal() {
        String name = randomName();
        long plain1 = person(name, "rep1", "SOUTH", null, null, null);
        long plain2 = person(name, "rep1", "SOUTH", "1980-02-03", null, null);
        long born1 = person(name, "rep1", "SOUTH", "1975-05-06", null, null);
        long born2 = person(name, "rep2", "SOUTH", "1975-05-06", null, null);
        long home1 = person(name, "rep1", "SOUTH", null, "广州市 中山路 12号", null);
        long home2 = person(name, "rep2", "SOUTH", null, "广州市中山路12号", null);
        String domain = "d" + unique() + ".example.org";
        long mail1 = person(name, "rep1", "SOUTH", null, null, "a@" + domain);
        long mail2 = person(name, "rep2", "SOUTH", null, null, "b@" + domain.toUpperCase());

        scan.runNow();

        assertThat(cluster(plain1, plain2))
                .as("the same personal name alone is no evidence")
                .isNull();
        assertThat(cluster(born1, born2)).isEqualTo("NAME_BIRTHDAY,2,false");
        assertThat(cluster(home1, home2)).isEqualTo("NAME_ADDRESS,2,false");
        assertThat(cluster(mail1, mail2)).isEqualTo("NAME_EMAIL_DOMAIN,2,false");
        assertThat(pairsAmong(List.of(plain1, plain2, born1, born2, home1, home2, mail1, mail2)))
                .isZero();
    }

    @Test
    void eachCustomerKeepsOnlyItsBestThreeSimilarNames() {
        // eight names that all look alike (a long common stem, one different last character): 28 possible pairs
        StringBuilder stem = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            stem.append(randomName());
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(customer(stem + String.valueOf((char) (0x4E00 + i * 7)), "rep1", "CENTRAL", null, null));
        }

        scan.runNow();

        // all scores are equal, so each customer keeps the three lowest ids: the first four pair among themselves,
        // the last four each with the first three, and never with each other
        assertThat(pairsAmong(ids)).isEqualTo(6 + 4 * 3);
        assertThat(pairsAmong(ids.subList(4, 8))).isZero();
        assertThat(pair(ids.get(0), ids.get(7))).startsWith("false,false,0.");
    }

    @Test
    void aDismissedClusterStaysDismissedUntilSomeoneNewJoinsIt() {
        String name = randomName() + "物流";
        long a = customer(name + "有限公司", "rep1", "EAST", null, null);
        long b = customer(name + "公司", "rep2", "EAST", null, null);
        scan.runNow();
        long id = clusterId(a, b);

        assertThat(mvc.post()
                        .uri("/data/duplicates/clusters/{id}/dismiss", id)
                        .with(user("manager2"))
                        .with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/data/duplicates/clusters/{id}/dismiss", id)
                        .with(user("manager"))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        scan.runNow();
        assertThat(cluster(a, b)).as("dismissed, same members").isNull();
        assertThat(mvc.get().uri("/data/duplicates/clusters/{id}", id).with(user("manager")))
                .hasStatus(HttpStatus.NOT_FOUND);

        long c = customer(name + "商行", "rep1", "EAST", null, null);
        scan.runNow();
        assertThat(cluster(a, b, c)).as("a new member brings it back").isEqualTo("NAME,3,false");
        assertThat(clusterId(a, b, c)).isEqualTo(id);
    }

    @Test
    void aClusterIsShownOnlyToWhoMayChangeAllItsMembers() {
        String name = randomName() + "餐饮";
        long east = customer(name + "有限公司", "rep1", "EAST", null, null);
        long north = customer(name + "公司", "rep3", "EAST", null, null);
        scan.runNow();
        long id = clusterId(east, north);

        assertThat(mvc.get().uri("/data/duplicates/clusters/{id}", id).with(user("manager")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/data/duplicates/clusters/{id}", id).with(user("manager2")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/data/duplicates/clusters/{id}", id).with(user("rep1")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/data/duplicates/clusters/{id}", id).with(user("admin")))
                .hasStatusOk()
                .bodyText()
                .contains(name + "公司");
        assertThat(mvc.get().uri("/data/duplicates").with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(name);
        assertThat(mvc.get().uri("/api/v1/customers/duplicates?size=200").with(httpBasic("admin", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.clusters[?(@.id == " + id + ")].size")
                .asArray()
                .containsExactly(2);
        assertThat(mvc.get().uri("/api/v1/customers/duplicates?size=200").with(httpBasic("manager", PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(name);
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
                .contains("Last scan finished.")
                .contains("groups with the same name");
    }
}
