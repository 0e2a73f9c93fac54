package com.kehu.crm.support;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test application context (full, JPA slice, browser test) at the per-JVM {@link TestDatabase}.
 * Registered in src/test/resources/META-INF/spring.factories, so no test has to remember it.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("crm.test.database.skip", Boolean.class, false)) {
            return;
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "crmTestDatabase",
                        Map.of(
                                "spring.datasource.url", TestDatabase.URL,
                                "spring.datasource.username", TestDatabase.USER,
                                "spring.datasource.password", TestDatabase.PASSWORD)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
