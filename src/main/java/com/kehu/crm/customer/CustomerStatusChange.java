package com.kehu.crm.customer;

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

/** One step of a customer's status history; written only through {@link Customer}. */
@Entity
@Table(name = "customer_status_change")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class CustomerStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_status_change_seq")
    @SequenceGenerator(
            name = "customer_status_change_seq",
            sequenceName = "customer_status_change_seq",
            allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private @Nullable CustomerStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private CustomerStatus toStatus;

    @Column(name = "changed_by")
    private @Nullable Long changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    CustomerStatusChange(
            Customer customer, @Nullable CustomerStatus from, CustomerStatus to, @Nullable Long changedBy) {
        this.customer = customer;
        this.fromStatus = from;
        this.toStatus = to;
        this.changedBy = changedBy;
        this.changedAt = Instant.now();
    }
}
