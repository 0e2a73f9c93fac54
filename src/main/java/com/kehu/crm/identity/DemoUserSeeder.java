package com.kehu.crm.identity;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Demo mode only: the teams and the eight demo accounts listed in the README, all with password kehu-demo. */
@Component
@Order(10)
@ConditionalOnBooleanProperty("crm.demo.enabled")
@RequiredArgsConstructor
class DemoUserSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUserSeeder.class);

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder encoder;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.existsByUsername("admin")) {
            return;
        }
        String hash = encoder.encode(PasswordPolicy.DEMO_PASSWORD);
        Team east = teams.save(new Team("East"));
        Team north = teams.save(new Team("North"));
        users.save(new User("admin", "Administrator", hash, Role.ADMIN, null));
        User manager = users.save(new User("manager", "王经理 Wang Li", hash, Role.MANAGER, east));
        users.save(new User("rep1", "张伟 Zhang Wei", hash, Role.SALES_REP, east));
        users.save(new User("rep2", "Emily Chen", hash, Role.SALES_REP, east));
        User manager2 = users.save(new User("manager2", "李经理 Li Na", hash, Role.MANAGER, north));
        users.save(new User("rep3", "刘洋 Liu Yang", hash, Role.SALES_REP, north));
        users.save(new User("agent1", "赵敏 Zhao Min", hash, Role.SUPPORT_AGENT, null));
        users.save(new User("marketer1", "David Sun", hash, Role.MARKETER, null));
        users.flush();
        east.appointManager(manager.getId());
        north.appointManager(manager2.getId());
        log.info("Demo accounts created (password: see README)");
    }
}
