package com.kehu.crm.activity;

/** What kind of contact with the customer an activity records; a task is work still to do, due at a time. */
public enum ActivityType {
    CALL,
    VISIT,
    MEETING,
    EMAIL,
    NOTE,
    TASK;

    public boolean isTask() {
        return this == TASK;
    }
}
