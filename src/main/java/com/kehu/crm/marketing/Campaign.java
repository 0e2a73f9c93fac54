package com.kehu.crm.marketing;

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
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A marketing campaign (市场活动) with its budget and expense lines. The aggregate keeps {@code spent} equal to the
 * sum of its lines, moves only along {@link CampaignStatus}, keeps start on or before end and the budget at zero or
 * more, and carries show details only when it is an exhibition.
 */
@Entity
@Table(name = "campaign")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Campaign extends BaseEntity {

    static final int MAX_ATTRIBUTION_DAYS = 3650;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_seq")
    @SequenceGenerator(name = "campaign_seq", sequenceName = "campaign_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignType type;

    private @Nullable String objective;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignStatus status;

    @Column(name = "start_on", nullable = false)
    private LocalDate startOn;

    @Column(name = "end_on", nullable = false)
    private LocalDate endOn;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal budget;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal spent = BigDecimal.ZERO;

    @Column(name = "attribution_days", nullable = false)
    private int attributionDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "show_kind")
    private @Nullable ShowKind showKind;

    @Column(name = "show_organiser")
    private @Nullable String showOrganiser;

    @Column(name = "show_venue")
    private @Nullable String showVenue;

    @Column(name = "show_booth")
    private @Nullable String showBooth;

    @Column(name = "created_by", nullable = false, updatable = false)
    private long createdBy;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "campaign_id", nullable = false, updatable = false)
    private List<CampaignExpense> expenses = new ArrayList<>();

    Campaign(CampaignData data, String currency, int defaultAttributionDays, long createdBy) {
        this.status = CampaignStatus.PLANNED;
        this.currency = currency;
        this.createdBy = createdBy;
        this.attributionDays = defaultAttributionDays;
        update(data);
    }

    void update(CampaignData data) {
        if (data.name().isBlank()) {
            throw new CampaignRuleException("campaign.name.required", "A campaign needs a name");
        }
        if (data.startOn().isAfter(data.endOn())) {
            throw new CampaignRuleException("campaign.dates.order", "Start " + data.startOn() + " after end");
        }
        if (data.budget().signum() < 0) {
            throw new CampaignRuleException("campaign.budget.negative", "Negative budget");
        }
        Integer days = data.attributionDays();
        if (days != null && (days < 0 || days > MAX_ATTRIBUTION_DAYS)) {
            throw new CampaignRuleException("campaign.attributionDays.range", "Attribution window " + days);
        }
        boolean anyShowField = data.showKind() != null
                || hasText(data.showOrganiser())
                || hasText(data.showVenue())
                || hasText(data.showBooth());
        if (!data.type().isExhibition() && anyShowField) {
            throw new CampaignRuleException("campaign.show.exhibitionOnly", "Show details on a " + data.type());
        }
        this.name = data.name().strip();
        this.type = data.type();
        this.objective = clean(data.objective());
        this.ownerId = data.ownerId();
        this.startOn = data.startOn();
        this.endOn = data.endOn();
        this.budget = data.budget();
        if (days != null) {
            this.attributionDays = days;
        }
        this.showKind = data.showKind();
        this.showOrganiser = clean(data.showOrganiser());
        this.showVenue = clean(data.showVenue());
        this.showBooth = clean(data.showBooth());
    }

    void moveTo(CampaignStatus target) {
        if (!status.canMoveTo(target)) {
            throw new CampaignRuleException(
                    "campaign.status.notAllowed", "Campaign " + id + " cannot move from " + status + " to " + target);
        }
        this.status = target;
    }

    CampaignExpense addExpense(
            LocalDate spentOn,
            ExpenseCategory category,
            BigDecimal amount,
            @Nullable String note,
            long userId,
            Instant now) {
        if (amount.signum() <= 0) {
            throw new CampaignRuleException("campaign.expense.amount.positive", "Expense amount " + amount);
        }
        CampaignExpense expense = new CampaignExpense(spentOn, category, amount, note, userId, now);
        expenses.add(expense);
        recomputeSpent();
        return expense;
    }

    void removeExpense(long expenseId) {
        boolean removed = expenses.removeIf(e -> Objects.equals(e.getId(), expenseId));
        if (!removed) {
            throw CampaignNotFoundException.of("expense", expenseId);
        }
        recomputeSpent();
    }

    /** Deleting is for a campaign entered by mistake: planned, nothing spent, nobody targeted yet. */
    boolean isDeletable(boolean hasMembers) {
        return status == CampaignStatus.PLANNED && expenses.isEmpty() && !hasMembers;
    }

    boolean isChangeableBy(long userId, boolean managerOrAdmin) {
        return managerOrAdmin || ownerId == userId || createdBy == userId;
    }

    private void recomputeSpent() {
        this.spent = expenses.stream().map(CampaignExpense::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static boolean hasText(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    private static @Nullable String clean(@Nullable String s) {
        return hasText(s) ? s.strip() : null;
    }
}
