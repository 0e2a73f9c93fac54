package com.kehu.crm.marketing.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** A walk-in prospect (an exhibition visitor, say) as typed in on the campaign page. */
@Getter
@Setter
public class CampaignProspectForm {

    @NotBlank
    @Size(max = 200)
    private String name = "";

    @Size(max = 200)
    private @Nullable String company;

    @Size(max = 40)
    private @Nullable String phone;

    @Email
    @Size(max = 200)
    private @Nullable String email;
}
