package com.kehu.crm.contact.web;

import com.kehu.crm.contact.ContactChannel;
import com.kehu.crm.contact.ContactData;
import com.kehu.crm.contact.ContactRow;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** What the contact screens post. */
@Getter
@Setter
public class ContactForm {

    private long customerId;

    @NotBlank
    @Size(max = 100)
    private String name = "";

    @Size(max = 100)
    private @Nullable String title;

    @Size(max = 100)
    private @Nullable String department;

    @Size(max = 40)
    @Pattern(regexp = "[0-9+()\\- ]*", message = "{customer.phone.pattern}")
    private @Nullable String mobile;

    @Size(max = 40)
    @Pattern(regexp = "[0-9+()\\- ]*", message = "{customer.phone.pattern}")
    private @Nullable String officePhone;

    @Email
    @Size(max = 200)
    private @Nullable String email;

    @Size(max = 100)
    private @Nullable String wechat;

    @Past
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate birthday;

    private boolean responsible;
    private boolean decisionMaker;
    private @Nullable ContactChannel preferredChannel;

    @Size(max = 100)
    private @Nullable String bestTime;

    private boolean doNotContact;

    @Size(max = 2000)
    private @Nullable String notes;

    private long version;

    static ContactForm of(ContactRow c) {
        ContactForm form = new ContactForm();
        form.customerId = c.customerId();
        form.name = c.name();
        form.title = c.title();
        form.department = c.department();
        form.mobile = c.mobile();
        form.officePhone = c.officePhone();
        form.email = c.email();
        form.wechat = c.wechat();
        form.birthday = c.birthday();
        form.responsible = c.responsible();
        form.decisionMaker = c.decisionMaker();
        form.preferredChannel = c.preferredChannel();
        form.bestTime = c.bestTime();
        form.doNotContact = c.doNotContact();
        form.notes = c.notes();
        form.version = c.version();
        return form;
    }

    ContactData toData() {
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
