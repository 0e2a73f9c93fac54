package com.kehu.crm.marketing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/** One dated cost line of a campaign (报销单据); part of the campaign aggregate, which keeps the spent total. */
@Entity
@Table(name = "campaign_expense")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class CampaignExpense {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_expense_seq")
    @SequenceGenerator(name = "campaign_expense_seq", sequenceName = "campaign_expense_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "spent_on", nullable = false)
    private LocalDate spentOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExpenseCategory category;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    private @Nullable String note;

    @Column(name = "recorded_by", nullable = false)
    private long recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    CampaignExpense(
            LocalDate spentOn,
            ExpenseCategory category,
            BigDecimal amount,
            @Nullable String note,
            long recordedBy,
            Instant recordedAt) {
        this.spentOn = spentOn;
        this.category = category;
        this.amount = amount;
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }
}
