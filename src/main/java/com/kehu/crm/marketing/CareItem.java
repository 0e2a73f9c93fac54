package com.kehu.crm.marketing;

import com.kehu.crm.customer.Importance;
import com.kehu.crm.shared.domain.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.MonthDay;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/** One item of a tier's care programme. Deactivated rather than deleted: the task log points at it. */
@Entity
@Table(name = "care_item")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class CareItem extends BaseEntity {

    static final int TITLE_MAX = 100;
    static final int MIN_INTERVAL = 7;
    static final int MAX_INTERVAL = 730;
    static final int MAX_LEAD = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "care_item_seq")
    @SequenceGenerator(name = "care_item_seq", sequenceName = "care_item_seq", allocationSize = 50)
    private @Nullable Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Importance tier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CareKind kind;

    @Column(nullable = false)
    private String title;

    @Column(name = "holiday_name")
    private @Nullable String holidayName;

    @Column(name = "occasion_month")
    private @Nullable Short occasionMonth;

    @Column(name = "occasion_day")
    private @Nullable Short occasionDay;

    @Column(name = "interval_days")
    private @Nullable Integer intervalDays;

    @Column(name = "lead_days", nullable = false)
    private int leadDays;

    @Column(nullable = false)
    private boolean active;

    CareItem(CareItemData data) {
        update(data);
    }

    /** Applies the input after checking that it holds together; throws before changing anything. */
    void update(CareItemData data) {
        String cleanTitle = data.title().strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > TITLE_MAX) {
            throw new CareRuleException("title", "care.item.title.invalid", "title must be 1-100 characters");
        }
        String holiday = data.holidayName() == null || data.holidayName().isBlank()
                ? null
                : data.holidayName().strip();
        if (data.kind() == CareKind.HOLIDAY_GREETING && holiday == null) {
            throw new CareRuleException("holidayName", "care.item.holiday.required", "a holiday needs its name");
        }
        if (holiday != null && holiday.length() > TITLE_MAX) {
            throw new CareRuleException("holidayName", "care.item.holiday.invalid", "holiday name too long");
        }
        MonthDay occasion = data.kind().mayHaveMonthDay() ? data.occasion() : null;
        if (data.kind() == CareKind.HOLIDAY_GREETING && occasion == null) {
            throw new CareRuleException("occasion", "care.item.occasion.required", "a holiday needs its date");
        }
        Integer interval = data.kind().periodic() ? data.intervalDays() : null;
        if (data.kind().periodic() && (interval == null || interval < MIN_INTERVAL || interval > MAX_INTERVAL)) {
            throw new CareRuleException("intervalDays", "care.item.interval.invalid", "interval must be 7-730 days");
        }
        if (data.leadDays() < 0 || data.leadDays() > MAX_LEAD) {
            throw new CareRuleException("leadDays", "care.item.lead.invalid", "lead time must be 0-60 days");
        }
        this.tier = data.tier();
        this.kind = data.kind();
        this.title = cleanTitle;
        this.holidayName = data.kind() == CareKind.HOLIDAY_GREETING ? holiday : null;
        this.occasionMonth = occasion == null ? null : (short) occasion.getMonthValue();
        this.occasionDay = occasion == null ? null : (short) occasion.getDayOfMonth();
        this.intervalDays = interval;
        this.leadDays = data.leadDays();
        this.active = data.active();
    }

    void deactivate() {
        this.active = false;
    }

    @Nullable
    MonthDay occasion() {
        return occasionMonth == null || occasionDay == null ? null : MonthDay.of(occasionMonth, occasionDay);
    }
}
