package com.kehu.crm.customer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.ProfileSchema;
import com.kehu.crm.customer.Region;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CustomerGeneratorTests {

    static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    static final List<Long> OWNERS = List.of(3L, 4L, 6L);

    private List<GeneratedCustomer> generate(long seed, int count) {
        CustomerGenerator generator = new CustomerGenerator(seed, NOW);
        return LongStream.range(0, count)
                .mapToObj(i -> generator.customer(i, OWNERS, "C%07d".formatted(i + 1)))
                .toList();
    }

    @Test
    void isDeterministicForASeed() {
        assertThat(generate(7, 200)).isEqualTo(generate(7, 200));
        assertThat(generate(7, 200)).isNotEqualTo(generate(8, 200));
    }

    @Test
    void producesValidAndVariedCustomers() {
        List<GeneratedCustomer> customers = generate(20261122, 5_000);

        Set<String> statuses = new HashSet<>();
        Set<Long> owners = new HashSet<>();
        Set<String> names = new HashSet<>();
        int chinese = 0;
        int latin = 0;
        for (GeneratedCustomer c : customers) {
            CustomerKind kind = CustomerKind.valueOf(c.kind());
            statuses.add(CustomerStatus.valueOf(c.status()).name());
            Region.valueOf(c.region());
            owners.add(c.ownerId());
            names.add(c.name());
            if (c.name().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                chinese++;
            } else {
                latin++;
            }
            assertThat(c.phone()).matches("1[3-9]\\d{9}|0\\d{2,3}-\\d{8}");
            assertThat(c.createdAt()).isBefore(NOW).isAfter(NOW.minusSeconds(3L * 366 * 24 * 3600));
            c.profile()
                    .forEach((key, value) -> assertThat(
                                    ProfileSchema.field(kind, key).orElseThrow().problemWith(value))
                            .isEmpty());
        }
        assertThat(statuses).hasSize(CustomerStatus.values().length);
        assertThat(owners).containsExactlyInAnyOrderElementsOf(OWNERS);
        assertThat(chinese).isGreaterThan(3_500);
        assertThat(latin).isGreaterThan(300);
        assertThat(names.size()).as("distinct names").isGreaterThan(3_000);
    }

    @Test
    void escapesCopyTextAndArrays() {
        assertThat(CustomerBulkLoader.escape("a\tb\\c\nd")).isEqualTo("a\\tb\\\\c\\nd");
        assertThat(CustomerBulkLoader.textArray(List.of("老客户", "a\"b"))).isEqualTo("{\"老客户\",\"a\\\"b\"}");
    }
}
