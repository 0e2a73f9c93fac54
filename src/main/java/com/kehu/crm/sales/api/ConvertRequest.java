package com.kehu.crm.sales.api;

import com.kehu.crm.sales.OpportunityType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The optional body of {@code POST /api/v1/leads/{id}/convert}. */
public record ConvertRequest(
        @Nullable Long existingCustomerId,
        @Nullable Boolean ignoreDuplicates,
        @Nullable @Valid Deal opportunity) {

    /** A deal to open with the new customer; currency defaults to the configured one, type to new business. */
    public record Deal(
            @NotBlank @Size(max = 200) String name,

            @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2)
            BigDecimal amount,

            @Nullable @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotNull LocalDate expectedCloseDate,
            @Nullable OpportunityType type) {}
}
