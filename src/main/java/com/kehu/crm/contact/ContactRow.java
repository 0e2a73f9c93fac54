package com.kehu.crm.contact;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A contact as lists, the customer 360 and the API show it. */
public record ContactRow(
        long id,
        long customerId,
        String customerName,
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
        @Nullable String notes,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public ContactData toData() {
        return new ContactData(
                name,
                title,
                department,
                mobile,
                officePhone,
                email,
                wechat,
                birthday,
                responsible,
                decisionMaker,
                preferredChannel,
                bestTime,
                doNotContact,
                notes);
    }
}
