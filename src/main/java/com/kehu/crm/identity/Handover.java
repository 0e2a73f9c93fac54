package com.kehu.crm.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.ColumnTransformer;
import org.jspecify.annotations.Nullable;

/** The record of one handover: who moved whose work to whom, when, and how many of each kind. Never changed. */
@Entity
@Table(name = "handover")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Handover {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "handover_seq")
    @SequenceGenerator(name = "handover_seq", sequenceName = "handover_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "performed_by", nullable = false, updatable = false)
    private long performedBy;

    @Column(name = "from_user_id", nullable = false, updatable = false)
    private long fromUserId;

    @Column(name = "to_user_id", nullable = false, updatable = false)
    private long toUserId;

    @Column(name = "performed_at", nullable = false, updatable = false)
    private Instant performedAt;

    @Convert(converter = CountsConverter.class)
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    private Map<String, Integer> counts = new LinkedHashMap<>();

    Handover(long performedBy, long fromUserId, long toUserId, Map<String, Integer> counts, Instant performedAt) {
        this.performedBy = performedBy;
        this.fromUserId = fromUserId;
        this.toUserId = toUserId;
        this.counts = new LinkedHashMap<>(counts);
        this.performedAt = performedAt;
    }
}
