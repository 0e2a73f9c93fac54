package com.kehu.crm.sales.web;

import com.kehu.crm.sales.LeadData;
import com.kehu.crm.sales.LeadRow;
import com.kehu.crm.sales.LeadSource;
import com.kehu.crm.sales.ProspectList;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** What the lead form posts. */
@Getter
@Setter
public class LeadForm {

    @Size(max = 200)
    private @Nullable String companyName;

    @NotBlank
    @Size(max = 100)
    private String contactName = "";

    @Size(max = 100)
    private @Nullable String contactTitle;

    @Size(max = 40)
    @Pattern(regexp = "[0-9+()\\- ]*")
    private @Nullable String phone;

    @Email
    @Size(max = 200)
    private @Nullable String email;

    @NotNull
    private @Nullable LeadSource source;

    private @Nullable ProspectList prospectList;

    @Size(max = 2000)
    private @Nullable String notes;

    private boolean keepForMyself = true;

    private long version;

    static LeadForm of(LeadRow lead) {
        LeadForm form = new LeadForm();
        form.companyName = lead.companyName();
        form.contactName = lead.contactName();
        form.contactTitle = lead.contactTitle();
        form.phone = lead.phone();
        form.email = lead.email();
        form.source = lead.source();
        form.prospectList = lead.prospectList();
        form.notes = lead.notes();
        form.keepForMyself = false;
        form.version = lead.version();
        return form;
    }

    LeadData toData() {
        return new LeadData(
                companyName,
                contactName,
                contactTitle,
                phone,
                email,
                java.util.Objects.requireNonNull(source),
                prospectList,
                notes);
    }
}
