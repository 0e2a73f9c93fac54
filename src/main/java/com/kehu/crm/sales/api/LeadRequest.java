package com.kehu.crm.sales.api;

import com.kehu.crm.sales.LeadData;
import com.kehu.crm.sales.LeadSource;
import com.kehu.crm.sales.ProspectList;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The body of POST (optionally {@code keepForMyself}) and PUT (with {@code version}). */
public record LeadRequest(
        @Nullable @Size(max = 200) String companyName,
        @NotBlank @Size(max = 100) String contactName,
        @Nullable @Size(max = 100) String contactTitle,

        @Nullable @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*")
        String phone,

        @Nullable @Email @Size(max = 200) String email,
        @NotNull LeadSource source,
        @Nullable ProspectList prospectList,
        @Nullable @Size(max = 2000) String notes,
        @Nullable Boolean keepForMyself,
        @Nullable Long version) {

    LeadData toData() {
        return new LeadData(companyName, contactName, contactTitle, phone, email, source, prospectList, notes);
    }
}
