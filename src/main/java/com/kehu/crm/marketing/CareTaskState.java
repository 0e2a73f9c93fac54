package com.kehu.crm.marketing;

/** A care task's state on the care page: done, still open, or open past its due time. */
public enum CareTaskState {
    OPEN,
    DONE,
    OVERDUE
}
