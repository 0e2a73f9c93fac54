package com.kehu.crm.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on the per-JVM test database with the demo accounts (admin, manager, rep1, rep2, manager2,
 * rep3, agent1, marketer1; password kehu-demo) but no demo customers. Tests create what they need.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"crm.demo.enabled=true", "crm.demo.customer-count=0"})
@AutoConfigureMockMvc
public @interface IntegrationTest {

    String PASSWORD = "kehu-demo";
}
