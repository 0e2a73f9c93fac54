package com.kehu.crm.marketing.web;

import com.kehu.crm.marketing.CampaignData;
import com.kehu.crm.marketing.CampaignDetails;
import com.kehu.crm.marketing.CampaignType;
import com.kehu.crm.marketing.ShowKind;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** What the campaign form posts, on creating and on editing (then with the version). */
@Getter
@Setter
public class CampaignForm {

    @NotBlank
    @Size(max = 200)
    private String name = "";

    @NotNull
    private @Nullable CampaignType type = CampaignType.EMAIL;

    @Size(max = 2000)
    private @Nullable String objective;

    @NotNull
    private @Nullable Long ownerId;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startOn;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endOn;

    @NotNull
    @DecimalMin("0")
    @Digits(integer = 17, fraction = 2)
    private @Nullable BigDecimal budget = BigDecimal.ZERO;

    @Min(0)
    @Max(3650)
    private @Nullable Integer attributionDays;

    private @Nullable ShowKind showKind;

    @Size(max = 200)
    private @Nullable String showOrganiser;

    @Size(max = 200)
    private @Nullable String showVenue;

    @Size(max = 100)
    private @Nullable String showBooth;

    private long version;

    static CampaignForm of(CampaignDetails c) {
        CampaignForm form = new CampaignForm();
        form.name = c.row().name();
        form.type = c.row().type();
        form.objective = c.objective();
        form.ownerId = c.row().ownerId();
        form.startOn = c.row().startOn();
        form.endOn = c.row().endOn();
        form.budget = c.row().budget();
        form.attributionDays = c.attributionDays();
        form.showKind = c.showKind();
        form.showOrganiser = c.showOrganiser();
        form.showVenue = c.showVenue();
        form.showBooth = c.showBooth();
        form.version = c.version();
        return form;
    }

    /** The show fields belong to exhibitions; for other types the (hidden) fields are dropped. */
    CampaignData toData() {
        boolean exhibition = type == CampaignType.EXHIBITION;
        return new CampaignData(
                name,
                type,
                objective,
                ownerId == null ? 0 : ownerId,
                startOn,
                endOn,
                budget,
                attributionDays,
                exhibition ? showKind : null,
                exhibition ? showOrganiser : null,
                exhibition ? showVenue : null,
                exhibition ? showBooth : null);
    }
}
