package com.kehu.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileSchemaTests {

    @Test
    void declaresTheCatalogSectionsPerKind() {
        assertThat(ProfileSchema.sectionsFor(CustomerKind.INDIVIDUAL))
                .extracting(ProfileSchema.Section::key)
                .containsExactly(
                        "basic", "consumption", "career", "family", "lifestyle", "education", "personality", "social");
        assertThat(ProfileSchema.sectionsFor(CustomerKind.ENTERPRISE))
                .extracting(ProfileSchema.Section::key)
                .containsExactly("basic", "characteristics", "business", "transaction", "responsible");
    }

    @Test
    void checksDatesAndNumbers() {
        var birthday =
                ProfileSchema.field(CustomerKind.INDIVIDUAL, "basic.birthday").orElseThrow();
        var revenue = ProfileSchema.field(CustomerKind.ENTERPRISE, "business.annualRevenue")
                .orElseThrow();

        assertThat(birthday.problemWith("1990-02-30")).contains("profile.invalid.date");
        assertThat(birthday.problemWith("1990-02-28")).isEmpty();
        assertThat(revenue.problemWith("12k")).contains("profile.invalid.number");
        assertThat(revenue.problemWith("1200000.50")).isEmpty();
        assertThat(ProfileSchema.field(CustomerKind.ENTERPRISE, "basic.birthday"))
                .isEmpty();
    }
}
