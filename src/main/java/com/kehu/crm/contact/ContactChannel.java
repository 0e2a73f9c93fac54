package com.kehu.crm.contact;

/** How a contact prefers to be reached. */
public enum ContactChannel {
    PHONE,
    MOBILE,
    WECHAT,
    EMAIL,
    SMS,
    VISIT
}
