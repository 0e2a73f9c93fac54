package com.kehu.crm.customer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.customer.CustomerDetailsData;
import com.kehu.crm.customer.CustomerFilter;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerService;
import com.kehu.crm.customer.CustomerSort;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.RegisterCustomer;
import com.kehu.crm.customer.RelationCategory;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class CustomerBulkLoaderTests {

    @Autowired
    CustomerBulkLoader loader;

    @Autowired
    UserQueries users;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    CustomerQueries queries;

    @Autowired
    CustomerService service;

    @Autowired
    JdbcClient jdbc;

    long maxIdBefore;

    /** Other test classes share this database and count search results, so the generated rows go again. */
    @org.junit.jupiter.api.BeforeEach
    void rememberWhereTheTableEnds() {
        maxIdBefore = count("select coalesce(max(id), 0) from customer");
    }

    @org.junit.jupiter.api.AfterEach
    void removeTheGeneratedCustomers() {
        jdbc.sql("delete from customer_status_change where customer_id > :max")
                .param("max", maxIdBefore)
                .update();
        jdbc.sql("delete from customer where id > :max")
                .param("max", maxIdBefore)
                .update();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void loadsSearchableCustomersThatLaterInsertsDoNotCollideWith() {
        CrmUserDetails rep1 = (CrmUserDetails) userDetails.loadUserByUsername("rep1");
        CrmUserDetails admin = (CrmUserDetails) userDetails.loadUserByUsername("admin");
        long before = count("select count(*) from customer");
        long changesBefore = count("select count(*) from customer_status_change");
        List<Long> owners = users.activeOwners().stream().map(UserRef::id).toList();

        long loaded = loader.load(800, new CustomerGenerator(99, Instant.now()), owners, done -> {});

        assertThat(loaded).isEqualTo(800);
        assertThat(count("select count(*) from customer")).isEqualTo(before + 800);
        assertThat(count("select count(*) from customer_status_change")).isEqualTo(changesBefore + 800);
        assertThat(count("select count(distinct owner_id) from customer")).isGreaterThan(1);
        assertThat(count("select count(*) from customer where cardinality(name_bigrams) = 0 and length(name) > 1"))
                .isZero();

        var everyone = new CustomerFilter("有限公司", null, null, null, null, false);
        assertThat(queries.list(everyone, CustomerSort.NAME, false, 0, 10, admin.currentUser())
                        .content())
                .hasSize(10)
                .allSatisfy(row -> assertThat(row.name()).contains("有限公司"));
        var mine = queries.list(
                new CustomerFilter(null, null, null, null, null, false),
                CustomerSort.NAME,
                false,
                0,
                200,
                rep1.currentUser());
        assertThat(mine.content())
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.ownerUsername()).isEqualTo("rep1"));
        String phone = mine.content().get(0).phone();
        assertThat(queries.list(
                                new CustomerFilter(phone, null, null, null, null, false),
                                CustomerSort.NAME,
                                false,
                                0,
                                10,
                                rep1.currentUser())
                        .content())
                .isNotEmpty();

        long id = service.register(
                new RegisterCustomer(
                        CustomerKind.ENTERPRISE,
                        null,
                        new CustomerDetailsData(
                                "装载之后新建的客户",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                RelationCategory.B2B,
                                Importance.ORDINARY,
                                CustomerStatus.TARGET,
                                List.of(),
                                Map.of()),
                        null),
                rep1.currentUser());
        var created = queries.details(id, rep1.currentUser());
        assertThat(count("select count(*) from customer where code = '" + created.code() + "'"))
                .isOne();
        // the insert would have failed on the primary key had the bulk ids overlapped the block Hibernate holds
        assertThat(count("select count(*) from customer where id = " + id + " and name = '装载之后新建的客户'"))
                .isOne();
    }

    @Test
    void seedsOnlyAnEmptyTable() {
        jdbc.sql("select 1").query(Integer.class).single();
        long before = count("select count(*) from customer");
        var seeder = new DemoCustomerSeeder(new DemoProperties(true, 50, 1), users, loader, jdbc);

        seeder.run(new DefaultApplicationArguments());
        long after = count("select count(*) from customer");
        seeder.run(new DefaultApplicationArguments());

        assertThat(after).isEqualTo(before == 0 ? 50 : before);
        assertThat(count("select count(*) from customer")).isEqualTo(after);
    }
}
