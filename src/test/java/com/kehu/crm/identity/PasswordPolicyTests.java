package com.kehu.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.problems("correct horse battery", "rep1")).isEmpty();
        assertThat(policy.problems(PasswordPolicy.DEMO_PASSWORD, "rep1")).isEmpty();
    }

    @Test
    void refusesShortCommonAndUsernamePasswords() {
        assertThat(policy.problems("abc12", "rep1")).containsExactly("password.tooShort");
        assertThat(policy.problems("Password123", "rep1")).containsExactly("password.common");
        assertThat(policy.problems("woaini1314", "rep1")).containsExactly("password.common");
        assertThat(policy.problems("Manager2x", "manager2x")).containsExactly("password.sameAsUsername");
        assertThat(policy.problems("x".repeat(200), "rep1")).containsExactly("password.tooLong");
    }
}
