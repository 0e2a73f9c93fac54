package com.kehu.crm.customer.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode.
 *
 * @param enabled seed the demo accounts and customers (the default profile; off in prod)
 * @param customerCount customers to generate on the first start (1000000 fills a benchmark database)
 * @param seed the generator's seed: the same seed gives the same customers
 */
@ConfigurationProperties("crm.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("3000") long customerCount,
        @DefaultValue("20261122") long seed) {}
