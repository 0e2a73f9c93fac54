package com.kehu.crm.sales.api;

import com.kehu.crm.sales.OpportunityData;
import com.kehu.crm.sales.OpportunityType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST (with {@code customerId}, optionally {@code ownerId}) and PUT (with {@code version}). No
 * probability means the stage's default; no currency means the company's.
 */
public record OpportunityRequest(
        @Nullable Long customerId,
        @NotBlank @Size(max = 200) String name,

        @NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2)
        BigDecimal amount,

        @Nullable @Pattern(regexp = "[A-Za-z]{3}") String currency,
        @NotNull LocalDate expectedCloseDate,
        @Nullable OpportunityType type,
        @Nullable @Min(0) @Max(100) Integer probability,
        @Nullable @Size(max = 500) String nextStep,
        @Nullable @Size(max = 200) String competitor,
        @Nullable Long ownerId,
        @Nullable Long version) {

    OpportunityData toData(String defaultCurrency) {
        return new OpportunityData(
                name,
                amount,
                currency == null ? defaultCurrency : currency,
                expectedCloseDate,
                type == null ? OpportunityType.NEW_BUSINESS : type,
                probability,
                nextStep,
                competitor);
    }
}
