package com.kehu.crm.marketing;

/**
 * What a care item does (客户关怀项目): greet on a birthday or a holiday, visit or call every N days, give a gift on a
 * month-day or on the anniversary of the first purchase.
 */
public enum CareKind {
    BIRTHDAY_GREETING,
    HOLIDAY_GREETING,
    PERIODIC_VISIT,
    PERIODIC_CALL,
    GIFT;

    public boolean periodic() {
        return this == PERIODIC_VISIT || this == PERIODIC_CALL;
    }

    /** A holiday greeting always falls on a month-day; a gift may (otherwise it marks the first purchase). */
    public boolean mayHaveMonthDay() {
        return this == HOLIDAY_GREETING || this == GIFT;
    }
}
