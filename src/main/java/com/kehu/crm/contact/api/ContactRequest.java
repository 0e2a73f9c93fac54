package com.kehu.crm.contact.api;

import com.kehu.crm.contact.ContactChannel;
import com.kehu.crm.contact.ContactData;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The body of POST (with {@code customerId}) and PUT (with {@code version}); absent flags mean false. */
public record ContactRequest(
        @Nullable Long customerId,
        @NotBlank @Size(max = 100) String name,
        @Nullable @Size(max = 100) String title,
        @Nullable @Size(max = 100) String department,

        @Nullable @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*")
        String mobile,

        @Nullable @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*")
        String officePhone,

        @Nullable @Email @Size(max = 200) String email,
        @Nullable @Size(max = 100) String wechat,
        @Nullable @Past LocalDate birthday,
        @Nullable Boolean responsible,
        @Nullable Boolean decisionMaker,
        @Nullable ContactChannel preferredChannel,
        @Nullable @Size(max = 100) String bestTime,
        @Nullable Boolean doNotContact,
        @Nullable @Size(max = 2000) String notes,
        @Nullable Long version) {

    ContactData toData() {
        // absent flags are false (Jackson 3 refuses a missing primitive, so they are nullable here)
        return new ContactData(
                name,
                title,
                department,
                mobile,
                officePhone,
                email,
                wechat,
                birthday,
                Boolean.TRUE.equals(responsible),
                Boolean.TRUE.equals(decisionMaker),
                preferredChannel,
                bestTime,
                Boolean.TRUE.equals(doNotContact),
                notes);
    }
}
