package com.kehu.crm.marketing;

import com.kehu.crm.shared.domain.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.ColumnTransformer;
import org.jspecify.annotations.Nullable;

/** A saved, named customer filter. Built-in segments (win-back) come with the schema and cannot be changed. */
@Entity
@Table(name = "segment")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Segment extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "segment_seq")
    @SequenceGenerator(name = "segment_seq", sequenceName = "segment_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false)
    private String name;

    private @Nullable String description;

    @Convert(converter = SegmentCriteriaConverter.class)
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    private SegmentCriteria criteria;

    @Column(name = "built_in", nullable = false, updatable = false)
    private boolean builtIn;

    @Column(name = "created_by", updatable = false)
    private @Nullable Long createdBy;

    Segment(SegmentData data, long createdBy) {
        this.name = data.name().strip();
        this.description = blankToNull(data.description());
        this.criteria = data.criteria();
        this.createdBy = createdBy;
        this.builtIn = false;
    }

    void redefine(SegmentData data) {
        requireEditable();
        this.name = data.name().strip();
        this.description = blankToNull(data.description());
        this.criteria = data.criteria();
    }

    void requireEditable() {
        if (builtIn) {
            throw new SegmentRuleException("segment.builtIn.readOnly", "Built-in segment " + id + " is read-only");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
