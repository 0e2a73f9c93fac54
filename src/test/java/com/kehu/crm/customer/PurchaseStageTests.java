package com.kehu.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PurchaseStageTests {

    @Test
    void derivesTheStageFromCompletedOrders() {
        assertThat(PurchaseStage.of(0)).isEqualTo(PurchaseStage.NONE);
        assertThat(PurchaseStage.of(1)).isEqualTo(PurchaseStage.FIRST_TIME);
        assertThat(PurchaseStage.of(2)).isEqualTo(PurchaseStage.REPEAT);
        assertThat(PurchaseStage.of(17)).isEqualTo(PurchaseStage.REPEAT);
    }

    @Test
    void aCompletedOrderMakesAProspectAnActualCustomerOnce() {
        Customer c = new Customer("C1", CustomerKind.ENTERPRISE, CustomerTests.data("A", CustomerStatus.LOST), 7L, 7L);

        c.recordCompletedOrder(8L);
        c.recordCompletedOrder(null);

        assertThat(c.getStatus()).isEqualTo(CustomerStatus.ACTUAL);
        assertThat(c.getCompletedOrders()).isEqualTo(2);
        assertThat(c.purchaseStage()).isEqualTo(PurchaseStage.REPEAT);
        assertThat(c.getStatusChanges())
                .extracting(CustomerStatusChange::getToStatus)
                .containsExactly(CustomerStatus.LOST, CustomerStatus.ACTUAL);
        assertThat(c.getStatusChanges().get(1).getChangedBy()).isEqualTo(8L);
    }
}
