package com.kehu.crm.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * One line of a {@link SalesOrder}: written only through the order. The unit cost is the product's at the time
 * of ordering, so later cost changes do not rewrite an old order's margin.
 */
@Entity
@Table(name = "order_line")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class OrderLine {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_line_seq")
    @SequenceGenerator(name = "order_line_seq", sequenceName = "order_line_seq", allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private SalesOrder order;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(nullable = false, precision = 19, scale = 3)
    private BigDecimal quantity;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 2)
    private BigDecimal unitPrice;

    @Column(name = "discount_percent", nullable = false, precision = 5, scale = 2)
    private BigDecimal discountPercent;

    @Column(name = "unit_cost", nullable = false, precision = 19, scale = 2)
    private BigDecimal unitCost;

    @Column(name = "net_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal netAmount;

    OrderLine(SalesOrder order, int lineNo, PricedLine line) {
        if (line.quantity().signum() <= 0) {
            throw new OrderRuleException("order.line.quantity.positive", "quantity", "Quantity must be positive");
        }
        if (line.unitPrice().signum() < 0) {
            throw new OrderRuleException("order.line.unitPrice.negative", "unitPrice", "Unit price is negative");
        }
        if (line.discountPercent().signum() < 0 || line.discountPercent().compareTo(HUNDRED) > 0) {
            throw new OrderRuleException(
                    "order.line.discount.range", "discountPercent", "Discount must be between 0 and 100");
        }
        this.order = order;
        this.lineNo = lineNo;
        this.productId = line.productId();
        this.quantity = line.quantity().setScale(3, RoundingMode.HALF_UP);
        this.unitPrice = line.unitPrice().setScale(2, RoundingMode.HALF_UP);
        this.discountPercent = line.discountPercent().setScale(2, RoundingMode.HALF_UP);
        this.unitCost = line.unitCost().setScale(2, RoundingMode.HALF_UP);
        this.netAmount = net(quantity, unitPrice, discountPercent);
    }

    /** quantity × unit price × (1 − discount/100), rounded half-up to cents once, at the end. */
    static BigDecimal net(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
        BigDecimal factor = HUNDRED.subtract(discountPercent);
        return quantity.multiply(unitPrice).multiply(factor).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    BigDecimal cost() {
        return quantity.multiply(unitCost).setScale(2, RoundingMode.HALF_UP);
    }

    void renumber(int lineNo) {
        this.lineNo = lineNo;
    }
}
