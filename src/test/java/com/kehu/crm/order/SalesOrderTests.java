package com.kehu.crm.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesOrderTests {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    static SalesOrder draft() {
        return new SalesOrder("SO2026000001", 5L, null, LocalDate.of(2026, 11, 23), " cny ", 11L, NOW);
    }

    static PricedLine line(String quantity, String price, String discount, String cost) {
        return new PricedLine(
                1L, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(discount), new BigDecimal(cost));
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void computesLineNetWithDiscountRoundedHalfUpOnce() {
        SalesOrder order = draft();

        order.addLine(line("3", "33.33", "10", "20.00"));

        assertThat(order.getCurrency()).isEqualTo("CNY");
        assertThat(order.getLines())
                .singleElement()
                .satisfies(l -> assertThat(l.getNetAmount()).isEqualByComparingTo("89.99"));
        assertThat(order.getTotalAmount()).isEqualTo(money("89.99"));
        assertThat(order.getCostAmount()).isEqualTo(money("60.00"));
        assertThat(order.margin()).isEqualTo(money("29.99"));
        assertThat(order.marginPercent()).isEqualTo(money("33.3"));
    }

    @Test
    void sumsLinesAndRoundsHalfUp() {
        SalesOrder order = draft();

        order.addLine(line("1", "0.05", "50", "0")); // 0.025 → 0.03
        order.addLine(line("2.5", "10", "0", "4")); // 25.00, cost 10.00
        order.addLine(line("1", "100", "100", "30")); // free item: 0.00, cost 30.00

        assertThat(order.getLines())
                .extracting(OrderLine::getNetAmount)
                .containsExactly(money("0.03"), money("25.00"), money("0.00"));
        assertThat(order.getTotalAmount()).isEqualTo(money("25.03"));
        assertThat(order.getCostAmount()).isEqualTo(money("40.00"));
        assertThat(order.margin()).isEqualTo(money("-14.97"));
    }

    @Test
    void removesAndReplacesLinesOnlyWhileDraft() {
        SalesOrder order = draft();
        order.addLine(line("1", "10", "0", "5"));
        order.addLine(line("2", "10", "0", "5"));

        order.removeLine(1);

        assertThat(order.getLines()).extracting(OrderLine::getLineNo).containsExactly(1);
        assertThat(order.getTotalAmount()).isEqualTo(money("20.00"));

        order.moveTo(OrderStatus.CONFIRMED, 11L, NOW);

        assertThatThrownBy(() -> order.addLine(line("1", "1", "0", "0")))
                .isInstanceOfSatisfying(
                        OrderRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("order.notDraft"));
        assertThatThrownBy(() -> order.replaceLines(List.of())).isInstanceOf(OrderRuleException.class);
        assertThat(order.getTotalAmount()).isEqualTo(money("20.00"));
    }

    @Test
    void refusesDiscountsOutsideZeroToHundredAndNonPositiveQuantities() {
        SalesOrder order = draft();

        assertThatThrownBy(() -> order.addLine(line("1", "10", "100.01", "0"))).isInstanceOf(OrderRuleException.class);
        assertThatThrownBy(() -> order.addLine(line("0", "10", "0", "0"))).isInstanceOf(OrderRuleException.class);
        assertThat(order.getLines()).isEmpty();
    }

    @Test
    void movesAlongTheWorkflowAndRecordsEachStep() {
        SalesOrder order = draft();
        order.addLine(line("1", "10", "0", "5"));

        order.moveTo(OrderStatus.CONFIRMED, 11L, NOW);
        order.moveTo(OrderStatus.SHIPPED, 11L, NOW);
        order.moveTo(OrderStatus.COMPLETED, null, NOW);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.getStatusChanges())
                .extracting(OrderStatusChange::getToStatus)
                .containsExactly(OrderStatus.DRAFT, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.COMPLETED);
        assertThat(order.getStatusChanges())
                .allSatisfy(c -> assertThat(c.getCustomerId()).isEqualTo(5L));
    }

    @Test
    void refusesIllegalTransitions() {
        assertThat(OrderStatus.DRAFT.allowedNext())
                .containsExactlyInAnyOrder(OrderStatus.CONFIRMED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.CANCELLED)).isFalse();
        assertThat(OrderStatus.COMPLETED.allowedNext()).isEmpty();
        assertThat(OrderStatus.CANCELLED.allowedNext()).isEmpty();

        SalesOrder order = draft();
        assertThatThrownBy(() -> order.moveTo(OrderStatus.CONFIRMED, 11L, NOW))
                .isInstanceOfSatisfying(
                        OrderRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("order.lines.required"));
        order.addLine(line("1", "10", "0", "5"));
        assertThatThrownBy(() -> order.moveTo(OrderStatus.SHIPPED, 11L, NOW))
                .isInstanceOfSatisfying(OrderRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("order.status.notAllowed");
                    assertThat(e.messageArguments()).hasSize(2);
                });
        assertThat(order.getStatus()).isEqualTo(OrderStatus.DRAFT);
        assertThat(order.getStatusChanges()).hasSize(1);
    }

    @Test
    void takesPaymentsUpToTheOutstandingAmountOnly() {
        SalesOrder order = draft();
        order.addLine(line("3", "33.33", "10", "20"));
        NewPayment part =
                new NewPayment(money("50"), LocalDate.of(2026, 11, 24), PaymentMethod.BANK_TRANSFER, " 回单 001 ");

        assertThatThrownBy(() -> order.receivePayment(part, 11L, NOW))
                .isInstanceOfSatisfying(
                        OrderRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("order.payment.notAccepted"));

        order.moveTo(OrderStatus.CONFIRMED, 11L, NOW);
        Payment first = order.receivePayment(part, 11L, NOW);

        assertThat(first.getReference()).isEqualTo("回单 001");
        assertThat(order.getPaidAmount()).isEqualTo(money("50.00"));
        assertThat(order.outstanding()).isEqualTo(money("39.99"));

        NewPayment tooMuch = new NewPayment(money("40.00"), LocalDate.of(2026, 11, 25), PaymentMethod.CASH, null);
        assertThatThrownBy(() -> order.receivePayment(tooMuch, 11L, NOW))
                .isInstanceOfSatisfying(OrderRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("order.payment.exceedsOutstanding");
                    assertThat(e.field()).isEqualTo("amount");
                    assertThat(e.arguments()).containsExactly("39.99", "CNY");
                });
        assertThatThrownBy(() -> order.receivePayment(
                        new NewPayment(money("0"), LocalDate.of(2026, 11, 25), PaymentMethod.CASH, null), 11L, NOW))
                .isInstanceOf(OrderRuleException.class);
        assertThat(order.getPaidAmount()).isEqualTo(money("50.00"));
        assertThat(order.getPayments()).hasSize(1);

        order.receivePayment(
                new NewPayment(money("39.99"), LocalDate.of(2026, 11, 25), PaymentMethod.ALIPAY, null), 11L, NOW);
        assertThat(order.outstanding()).isEqualTo(money("0.00"));
        assertThatThrownBy(() -> order.moveTo(OrderStatus.CANCELLED, 11L, NOW))
                .isInstanceOfSatisfying(
                        OrderRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("order.cancel.paid"));
    }

    @Test
    void formatsOrderNumbers() {
        assertThat(OrderService.orderNumber(2026, 123)).isEqualTo("SO2026000123");
    }
}
