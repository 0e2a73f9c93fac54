package com.kehu.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.shared.web.PageView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;

/** The list and search SQL on real PostgreSQL with Flyway's schema (bigram index, prefixes, record rules). */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({CustomerQueries.class, CustomerAccess.class, UserQueries.class})
@Sql({"/customer/isolate.sql", "/customer/search-fixture.sql"})
class CustomerQueriesTests {

    static final CurrentUser REP1 = new CurrentUser(9101, "srep1", Role.SALES_REP, 9001L);
    static final CurrentUser MANAGER = new CurrentUser(9103, "smanager", Role.MANAGER, 9001L);
    static final CurrentUser REP3 = new CurrentUser(9104, "srep3", Role.SALES_REP, 9002L);
    static final CurrentUser AGENT = new CurrentUser(9105, "sagent", Role.SUPPORT_AGENT, null);
    static final CurrentUser MARKETER = new CurrentUser(9106, "smarketer", Role.MARKETER, null);

    @Autowired
    CustomerQueries queries;

    @Autowired
    JdbcClient jdbc;

    PageView<CustomerRow> search(String q, CurrentUser user) {
        return queries.list(
                new CustomerFilter(q, null, null, null, null, false), CustomerSort.NAME, false, 0, 25, user);
    }

    @Test
    void findsChineseNamesBySubstring() {
        assertThat(search("华光", AGENT).content()).extracting(CustomerRow::name).containsExactly("上海华光机械有限公司");
        assertThat(search("有限公司", AGENT).content())
                .extracting(CustomerRow::name)
                .containsExactlyInAnyOrder("上海华光机械有限公司", "北京华夏科技有限公司");
        assertThat(search("光机械", AGENT).content()).hasSize(1);
    }

    @Test
    void treatsASingleCharacterAsANamePrefix() {
        assertThat(search("王", AGENT).content()).extracting(CustomerRow::name).containsExactly("王芳");
    }

    @Test
    void findsLatinNamesIgnoringCase() {
        assertThat(search("HARBOR log", AGENT).content())
                .extracting(CustomerRow::name)
                .containsExactly("Bright Harbor Logistics Ltd");
    }

    @Test
    void findsByCodePhoneAndEmail() {
        assertThat(search("s0000003", AGENT).content())
                .extracting(CustomerRow::name)
                .containsExactly("王芳");
        assertThat(search("138 0013", AGENT).content())
                .extracting(CustomerRow::name)
                .containsExactly("王芳");
        assertThat(search("55551234", AGENT).content())
                .as("a caller's number without the area code")
                .extracting(CustomerRow::name)
                .containsExactly("上海华光机械有限公司");
        assertThat(search("Sales@BrightHarbor", AGENT).content()).hasSize(1);
    }

    @Test
    void escapesLikeWildcards() {
        assertThat(search("100%", AGENT).content())
                .extracting(CustomerRow::name)
                .containsExactly("100% Pure_Tea 茶行");
        assertThat(search("e_T", AGENT).content()).extracting(CustomerRow::name).containsExactly("100% Pure_Tea 茶行");
        assertThat(search("%", AGENT).content()).isEmpty();
    }

    @Test
    void appliesTheRecordRulesInTheQuery() {
        assertThat(search("", REP1).content())
                .extracting(CustomerRow::id)
                .containsExactlyInAnyOrder(9201L, 9203L, 9206L);
        assertThat(search("", MANAGER).content())
                .extracting(CustomerRow::id)
                .containsExactlyInAnyOrder(9201L, 9203L, 9204L, 9205L, 9206L);
        assertThat(search("华夏", REP1).content()).isEmpty();
        assertThat(search("华夏", REP3).content()).hasSize(1);
        assertThat(search("", MARKETER).content()).isEmpty();
        assertThat(queries.row(9202, REP1)).isNull();
        assertThatThrownBy(() -> queries.details(9202, REP1)).isInstanceOf(CustomerNotFoundException.class);
        assertThat(queries.details(9202, AGENT).editable()).isFalse();
        assertThat(queries.details(9201, MANAGER).editable()).isTrue();
    }

    @Test
    void filtersAndSorts() {
        var filter = new CustomerFilter(null, CustomerStatus.POTENTIAL, null, null, Region.EAST, false);
        assertThat(queries.list(filter, CustomerSort.NAME, false, 0, 25, AGENT).content())
                .extracting(CustomerRow::name)
                .containsExactly("王芳");
        var all = new CustomerFilter(null, null, null, null, null, false);
        assertThat(queries.list(all, CustomerSort.CODE, true, 0, 2, MANAGER).content())
                .extracting(CustomerRow::code)
                .containsExactly("S0000006", "S0000005");
        assertThat(queries.list(all, CustomerSort.CODE, false, 0, 25, MANAGER).content())
                .extracting(CustomerRow::ownerUsername)
                .contains("srep1", "srep2");
    }

    @Test
    void capsTheCountOfHugeResults() {
        jdbc.sql("""
                        insert into customer (id, code, kind, name, relation_category, importance, status, owner_id)
                        select 100000 + g, 'BULK' || g, 'ENTERPRISE', '批量客户' || g, 'B2B', 'ORDINARY', 'TARGET', 9104
                        from generate_series(1, :n) g""").param("n", CustomerQueries.COUNT_CAP + 10).update();

        PageView<CustomerRow> page = queries.list(
                new CustomerFilter(null, null, null, null, null, false), CustomerSort.NAME, false, 1, 25, REP3);

        assertThat(page.totalExact()).isFalse();
        assertThat(page.totalElements()).isEqualTo(CustomerQueries.COUNT_CAP);
        assertThat(page.content()).hasSize(25);
        assertThat(page.hasNext()).isTrue();

        PageView<CustomerRow> search = queries.list(
                new CustomerFilter("批量客户", null, null, null, null, false), CustomerSort.NAME, false, 0, 25, REP3);
        assertThat(search.totalExact()).isFalse();
        assertThat(search.content()).hasSize(25).isSortedAccordingTo(java.util.Comparator.comparing(CustomerRow::name));
    }
}
