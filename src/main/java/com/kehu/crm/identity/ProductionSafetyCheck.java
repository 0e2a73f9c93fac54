package com.kehu.crm.identity;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Production only: creates the first admin from CRM_ADMIN_PASSWORD when there are no users, and refuses to start
 * while that password, or any enabled demo account's password, is the demo password.
 */
@Component
@Profile("prod")
@Order(0)
@RequiredArgsConstructor
class ProductionSafetyCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductionSafetyCheck.class);
    private static final List<String> DEMO_USERNAMES =
            List.of("admin", "manager", "rep1", "rep2", "manager2", "rep3", "agent1", "marketer1");

    private final IdentityProperties properties;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String adminPassword = properties.bootstrapAdminPassword();
        if (PasswordPolicy.DEMO_PASSWORD.equals(adminPassword)) {
            throw new UnsafeConfigurationException("CRM_ADMIN_PASSWORD is the demo password; choose another one.");
        }
        if (users.count() == 0) {
            if (adminPassword.isBlank()) {
                throw new UnsafeConfigurationException(
                        "There are no users yet: set CRM_ADMIN_PASSWORD to create the first administrator.");
            }
            List<String> problems = policy.problems(adminPassword, properties.bootstrapAdminUsername());
            if (!problems.isEmpty()) {
                throw new UnsafeConfigurationException("CRM_ADMIN_PASSWORD is too weak: " + problems);
            }
            users.save(new User(
                    properties.bootstrapAdminUsername(),
                    "Administrator",
                    encoder.encode(adminPassword),
                    Role.ADMIN,
                    null));
            log.info("Created the first administrator '{}'", properties.bootstrapAdminUsername());
        }
        for (String username : DEMO_USERNAMES) {
            users.findByUsername(username)
                    .filter(User::isEnabled)
                    .filter(u -> encoder.matches(PasswordPolicy.DEMO_PASSWORD, u.getPasswordHash()))
                    .ifPresent(u -> {
                        throw new UnsafeConfigurationException("User '" + username
                                + "' still has the demo password; change it or disable the account before"
                                + " running with the prod profile.");
                    });
        }
    }
}
