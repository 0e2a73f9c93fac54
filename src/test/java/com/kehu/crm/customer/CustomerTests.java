package com.kehu.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerTests {

    static CustomerDetailsData data(String name, CustomerStatus status) {
        return new CustomerDetailsData(
                name,
                " 021-5555 1234 ",
                " Info@Example.CN ",
                null,
                Region.EAST,
                Industry.MANUFACTURING,
                CustomerSource.REFERRAL,
                RelationCategory.B2B,
                Importance.VIP,
                status,
                List.of(" 机械 ", "机械", "", "华东"),
                Map.of("basic.foundedYear", "1998", "undeclared.field", "x", "basic.website", "  "));
    }

    @Test
    void normalisesContactDetailsTagsAndProfileOnCreation() {
        Customer c = new Customer("C1", CustomerKind.ENTERPRISE, data(" 华光机械 ", CustomerStatus.POTENTIAL), 7L, 7L);

        assertThat(c.getName()).isEqualTo("华光机械");
        assertThat(c.getPhone()).isEqualTo("021-5555 1234");
        assertThat(c.getPhoneDigits()).isEqualTo("02155551234");
        assertThat(c.getEmail()).isEqualTo("info@example.cn");
        assertThat(c.getTags()).containsExactly("机械", "华东");
        assertThat(c.getProfile()).containsExactly(Map.entry("basic.foundedYear", "1998"));
        assertThat(c.getStatusChanges()).singleElement().satisfies(change -> {
            assertThat(change.getFromStatus()).isNull();
            assertThat(change.getToStatus()).isEqualTo(CustomerStatus.POTENTIAL);
        });
    }

    @Test
    void recordsEveryStatusChange() {
        Customer c = new Customer("C1", CustomerKind.ENTERPRISE, data("A", CustomerStatus.POTENTIAL), 7L, 7L);

        c.moveTo(CustomerStatus.TARGET, 8L);
        c.update(data("A", CustomerStatus.ACTUAL), 9L);
        c.moveTo(CustomerStatus.ACTUAL, 9L);

        assertThat(c.getStatus()).isEqualTo(CustomerStatus.ACTUAL);
        assertThat(c.getStatusChanges())
                .extracting(CustomerStatusChange::getToStatus)
                .containsExactly(CustomerStatus.POTENTIAL, CustomerStatus.TARGET, CustomerStatus.ACTUAL);
    }

    @Test
    void refusesToTurnAnActualCustomerBackIntoAProspect() {
        Customer c = new Customer("C1", CustomerKind.ENTERPRISE, data("A", CustomerStatus.ACTUAL), 7L, 7L);

        assertThatThrownBy(() -> c.moveTo(CustomerStatus.POTENTIAL, 7L))
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessageContaining("ACTUAL")
                .hasMessageContaining("POTENTIAL");
        assertThat(c.getStatus()).isEqualTo(CustomerStatus.ACTUAL);
    }

    @Test
    void winsBackALostCustomer() {
        assertThat(CustomerStatus.LOST.canMoveTo(CustomerStatus.TARGET)).isTrue();
        assertThat(CustomerStatus.LOST.canMoveTo(CustomerStatus.ACTUAL)).isTrue();
        assertThat(CustomerStatus.LOST.canMoveTo(CustomerStatus.POTENTIAL)).isFalse();
        assertThat(CustomerStatus.ACTUAL.allowedNext()).containsExactly(CustomerStatus.LOST);
    }

    @Test
    void archivesAndRestores() {
        Customer c = new Customer("C1", CustomerKind.INDIVIDUAL, data("张伟", CustomerStatus.POTENTIAL), 7L, 7L);

        c.archive();
        assertThat(c.isArchived()).isTrue();
        assertThat(c.getArchivedAt()).isNotNull();
        c.restore();
        assertThat(c.isArchived()).isFalse();
        assertThat(c.getArchivedAt()).isNull();
    }

    @Test
    void formatsGeneratedCodes() {
        assertThat(CustomerService.formatCode(42)).isEqualTo("C0000042");
    }
}
