package com.kehu.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class CrmApplicationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesAFreshTestDatabase() {
        assertThat(jdbc.sql("select current_database()").query(String.class).single())
                .isNotEqualTo("postgres");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
        assertThat(TestDatabase.MODE).isIn("external", "testcontainers", "embedded");
    }
}
