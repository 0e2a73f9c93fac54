package com.kehu.crm.contact;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The editable fields of a contact. */
public record ContactData(
        String name,
        @Nullable String title,
        @Nullable String department,
        @Nullable String mobile,
        @Nullable String officePhone,
        @Nullable String email,
        @Nullable String wechat,
        @Nullable LocalDate birthday,
        boolean responsible,
        boolean decisionMaker,
        @Nullable ContactChannel preferredChannel,
        @Nullable String bestTime,
        boolean doNotContact,
        @Nullable String notes) {}
