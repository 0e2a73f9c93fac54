package com.kehu.crm.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/** One step of an order's progress, with who and when; append-only, written through {@link SalesOrder}. */
@Entity
@Table(name = "order_status_change")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class OrderStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_status_change_seq")
    @SequenceGenerator(name = "order_status_change_seq", sequenceName = "order_status_change_seq", allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private SalesOrder order;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private @Nullable OrderStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private OrderStatus toStatus;

    @Column(name = "changed_by", updatable = false)
    private @Nullable Long changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    OrderStatusChange(
            SalesOrder order,
            @Nullable OrderStatus fromStatus,
            OrderStatus toStatus,
            @Nullable Long changedBy,
            Instant changedAt) {
        this.order = order;
        this.customerId = order.getCustomerId();
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }
}
