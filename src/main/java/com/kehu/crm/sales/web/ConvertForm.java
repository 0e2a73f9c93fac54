package com.kehu.crm.sales.web;

import com.kehu.crm.sales.OpportunityData;
import com.kehu.crm.sales.OpportunityType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * The conversion form: how to treat similar customers ({@code decision} "new" or "attach" with {@code customerId})
 * and, when {@code createOpportunity} is ticked, the deal to open.
 */
@Getter
@Setter
public class ConvertForm {

    static final String NEW = "new";
    static final String ATTACH = "attach";

    private @Nullable String decision;
    private @Nullable Long customerId;
    private boolean createOpportunity;

    @Size(max = 200)
    private @Nullable String opportunityName;

    @DecimalMin("0")
    @Digits(integer = 17, fraction = 2)
    private @Nullable BigDecimal amount;

    private @Nullable String currency;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate expectedCloseDate;

    private OpportunityType type = OpportunityType.NEW_BUSINESS;

    /** The deal fields are required only when a deal is wanted; Bean Validation cannot say "if". */
    void validateDeal(BindingResult result) {
        if (ATTACH.equals(decision) && customerId == null) {
            result.rejectValue("customerId", "NotNull");
        }
        if (!createOpportunity) {
            return;
        }
        if (opportunityName == null || opportunityName.isBlank()) {
            result.rejectValue("opportunityName", "NotBlank");
        }
        if (amount == null && !result.hasFieldErrors("amount")) {
            result.rejectValue("amount", "NotNull");
        }
        if (expectedCloseDate == null && !result.hasFieldErrors("expectedCloseDate")) {
            result.rejectValue("expectedCloseDate", "NotNull");
        }
    }

    @Nullable
    OpportunityData toDeal(String defaultCurrency) {
        if (!createOpportunity) {
            return null;
        }
        return new OpportunityData(
                Objects.requireNonNull(opportunityName),
                Objects.requireNonNull(amount),
                currency == null || currency.isBlank() ? defaultCurrency : currency,
                Objects.requireNonNull(expectedCloseDate),
                type,
                null,
                null,
                null);
    }
}
