package com.kehu.crm.marketing.api;

import com.kehu.crm.marketing.CampaignData;
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
import org.jspecify.annotations.Nullable;

/** The body of POST and PUT (with {@code version}); without an owner the caller owns the campaign. */
public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull CampaignType type,
        @Nullable @Size(max = 2000) String objective,
        @Nullable Long ownerId,
        @NotNull LocalDate startOn,
        @NotNull LocalDate endOn,

        @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2)
        BigDecimal budget,

        @Nullable @Min(0) @Max(3650) Integer attributionDays,
        @Nullable ShowKind showKind,
        @Nullable @Size(max = 200) String showOrganiser,
        @Nullable @Size(max = 200) String showVenue,
        @Nullable @Size(max = 100) String showBooth,
        @Nullable Long version) {

    CampaignData toData(long defaultOwner) {
        return new CampaignData(
                name,
                type,
                objective,
                ownerId == null ? defaultOwner : ownerId,
                startOn,
                endOn,
                budget,
                attributionDays,
                showKind,
                showOrganiser,
                showVenue,
                showBooth);
    }
}
