package com.kehu.crm.shared.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Fills createdAt/updatedAt on every entity (BaseEntity) and turns on scheduled jobs. */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing
@EnableScheduling
public class JpaConfig {}
