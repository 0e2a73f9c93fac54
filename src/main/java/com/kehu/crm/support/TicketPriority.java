package com.kehu.crm.support;

/** 低 / 普通 / 高 / 紧急. Escalation raises it one step at a time. */
public enum TicketPriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    public TicketPriority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
