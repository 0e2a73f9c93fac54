package com.kehu.crm.analytics;

/** The unit the lifetime-value models count time in; a month is a twelfth of an average Gregorian year. */
public enum ClvTimeUnit {
    DAY(1),
    WEEK(7),
    MONTH(365.2425 / 12);

    private final double days;

    ClvTimeUnit(double days) {
        this.days = days;
    }

    public double days() {
        return days;
    }

    /** How many of this unit a number of days is. */
    public double of(double dayCount) {
        return dayCount / days;
    }
}
