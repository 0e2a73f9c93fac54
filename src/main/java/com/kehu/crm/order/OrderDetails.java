package com.kehu.crm.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the order page and the API show about one order. Cost and margin are null unless the reader is a
 * manager or admin; {@code nextStatuses} is empty when the reader may not change the order.
 */
public record OrderDetails(
        long id,
        String orderNumber,
        long customerId,
        String customerName,
        @Nullable Long sourceOpportunityId,
        LocalDate orderDate,
        String currency,
        OrderStatus status,
        BigDecimal totalAmount,
        @Nullable BigDecimal costAmount,
        @Nullable BigDecimal marginAmount,
        @Nullable BigDecimal marginPercent,
        BigDecimal paidAmount,
        BigDecimal outstandingAmount,
        long version,
        Instant createdAt,
        boolean editable,
        Set<OrderStatus> nextStatuses,
        List<Line> lines,
        List<PaymentEntry> payments,
        List<StatusChange> history) {

    public record Line(
            int lineNo,
            long productId,
            String productCode,
            String productName,
            String unit,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            BigDecimal netAmount) {}

    public record PaymentEntry(
            long id,
            BigDecimal amount,
            LocalDate paidOn,
            PaymentMethod method,
            @Nullable String reference,
            @Nullable String recordedBy,
            Instant recordedAt) {}

    public record StatusChange(
            @Nullable OrderStatus from,
            OrderStatus to,
            @Nullable String changedBy,
            Instant changedAt) {}

    public boolean isDraft() {
        return status == OrderStatus.DRAFT;
    }

    public boolean acceptsPayments() {
        return editable && status.acceptsPayments() && outstandingAmount.signum() > 0;
    }

    public OrderDraft toDraft() {
        return new OrderDraft(
                customerId,
                sourceOpportunityId,
                orderDate,
                currency,
                lines.stream()
                        .map(l -> new OrderDraft.Line(l.productId(), l.quantity(), l.unitPrice(), l.discountPercent()))
                        .toList());
    }
}
