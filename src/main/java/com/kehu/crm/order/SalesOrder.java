package com.kehu.crm.order;

import com.kehu.crm.shared.audit.AuditSnapshot;
import com.kehu.crm.shared.domain.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A sales order (销售订单) and its lines. The totals, cost and amount paid are kept by the order itself from its
 * lines and payments, never taken from the client. Lines change only while the order is a draft; the status
 * moves only along {@link OrderStatus}; payments never exceed what is outstanding.
 */
@Entity
@Table(name = "sales_order")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class SalesOrder extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_order_seq")
    @SequenceGenerator(name = "sales_order_seq", sequenceName = "sales_order_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "order_number", nullable = false, updatable = false)
    private String orderNumber;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Column(name = "source_opportunity_id", updatable = false)
    private @Nullable Long sourceOpportunityId;

    @Column(name = "order_date", nullable = false)
    private LocalDate orderDate;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "total_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal totalAmount = BigDecimal.ZERO.setScale(2);

    @Column(name = "cost_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal costAmount = BigDecimal.ZERO.setScale(2);

    @Column(name = "paid_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal paidAmount = BigDecimal.ZERO.setScale(2);

    @Column(name = "created_by", nullable = false, updatable = false)
    private long createdBy;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    private List<OrderStatusChange> statusChanges = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    private List<Payment> payments = new ArrayList<>();

    SalesOrder(
            String orderNumber,
            long customerId,
            @Nullable Long sourceOpportunityId,
            LocalDate orderDate,
            String currency,
            long createdBy,
            Instant now) {
        Assert.hasText(orderNumber, "order number must not be empty");
        this.orderNumber = orderNumber;
        this.customerId = customerId;
        this.sourceOpportunityId = sourceOpportunityId;
        this.createdBy = createdBy;
        this.status = OrderStatus.DRAFT;
        changeHeader(orderDate, currency);
        statusChanges.add(new OrderStatusChange(this, null, OrderStatus.DRAFT, createdBy, now));
    }

    void changeHeader(LocalDate orderDate, String currency) {
        requireDraft();
        String code = currency.strip().toUpperCase(Locale.ROOT);
        if (code.length() != 3) {
            throw new OrderRuleException("order.currency.invalid", "currency", "Currency must be an ISO 4217 code");
        }
        this.orderDate = orderDate;
        this.currency = code;
    }

    void addLine(PricedLine line) {
        requireDraft();
        lines.add(new OrderLine(this, lines.size() + 1, line));
        recompute();
    }

    void removeLine(int lineNo) {
        requireDraft();
        if (!lines.removeIf(l -> l.getLineNo() == lineNo)) {
            throw new OrderRuleException("order.line.missing", null, "No line " + lineNo);
        }
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).renumber(i + 1);
        }
        recompute();
    }

    /** Replaces all lines (the edit form posts the whole order). */
    void replaceLines(List<PricedLine> newLines) {
        requireDraft();
        lines.clear();
        for (PricedLine line : newLines) {
            lines.add(new OrderLine(this, lines.size() + 1, line));
        }
        recompute();
    }

    void moveTo(OrderStatus next, @Nullable Long changedBy, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new OrderRuleException(
                    "order.status.notAllowed",
                    "status",
                    "Order " + orderNumber + " cannot move from " + status + " to " + next,
                    status,
                    next);
        }
        if (next == OrderStatus.CONFIRMED && lines.isEmpty()) {
            throw new OrderRuleException("order.lines.required", "lines", "An order needs at least one line");
        }
        if (next == OrderStatus.CANCELLED && paidAmount.signum() > 0) {
            throw new OrderRuleException("order.cancel.paid", "status", "Order " + orderNumber + " has payments");
        }
        statusChanges.add(new OrderStatusChange(this, status, next, changedBy, now));
        this.status = next;
    }

    /** Records money received; refuses more than is outstanding, and changes nothing then. */
    Payment receivePayment(NewPayment payment, long recordedBy, Instant now) {
        if (!status.acceptsPayments()) {
            throw new OrderRuleException(
                    "order.payment.notAccepted", null, "Order " + orderNumber + " is " + status, status);
        }
        BigDecimal amount = payment.amount();
        if (amount.signum() <= 0
                || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new OrderRuleException("order.payment.amount.positive", "amount", "Amount must be positive cents");
        }
        BigDecimal cents = amount.setScale(2, RoundingMode.UNNECESSARY);
        if (cents.compareTo(outstanding()) > 0) {
            throw new OrderRuleException(
                    "order.payment.exceedsOutstanding",
                    "amount",
                    "Payment " + cents + " exceeds the outstanding " + outstanding(),
                    outstanding().toPlainString(),
                    currency);
        }
        Payment received = new Payment(
                this, new NewPayment(cents, payment.paidOn(), payment.method(), payment.reference()), recordedBy, now);
        payments.add(received);
        paidAmount = paidAmount.add(cents);
        return received;
    }

    /** The audited fields as display text (shared.audit); the lines as one summary, payments as the paid total. */
    Map<String, @Nullable String> auditSnapshot() {
        return AuditSnapshot.builder()
                .put("orderDate", orderDate)
                .put("currency", currency)
                .put("status", status)
                .put(
                        "lines",
                        lines.stream()
                                .map(l -> "#" + l.getProductId() + " "
                                        + l.getQuantity().stripTrailingZeros().toPlainString()
                                        + " × " + l.getUnitPrice().toPlainString()
                                        + (l.getDiscountPercent().signum() == 0
                                                ? ""
                                                : " -"
                                                        + l.getDiscountPercent()
                                                                .stripTrailingZeros()
                                                                .toPlainString() + "%"))
                                .collect(java.util.stream.Collectors.joining("; ")))
                .put("totalAmount", totalAmount)
                .put("paid", paidAmount)
                .build();
    }

    BigDecimal outstanding() {
        return status == OrderStatus.CANCELLED ? BigDecimal.ZERO.setScale(2) : totalAmount.subtract(paidAmount);
    }

    BigDecimal margin() {
        return totalAmount.subtract(costAmount);
    }

    /** Gross margin as a percentage of the total, one decimal; null for an order worth nothing. */
    @Nullable
    BigDecimal marginPercent() {
        return marginPercent(totalAmount, costAmount);
    }

    static @Nullable BigDecimal marginPercent(BigDecimal total, BigDecimal cost) {
        if (total.signum() == 0) {
            return null;
        }
        return total.subtract(cost).multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP);
    }

    private void recompute() {
        totalAmount = lines.stream()
                .map(OrderLine::getNetAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        costAmount = lines.stream()
                .map(OrderLine::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    private void requireDraft() {
        if (status != null && status != OrderStatus.DRAFT) {
            throw new OrderRuleException(
                    "order.notDraft", null, "Order " + orderNumber + " is " + status + "; only drafts change");
        }
    }
}
