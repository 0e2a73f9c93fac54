package com.kehu.crm.sales.web;

import com.kehu.crm.sales.OpportunityData;
import com.kehu.crm.sales.OpportunityDetails;
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
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** What the opportunity form posts; an empty probability means "the stage's default". */
@Getter
@Setter
public class OpportunityForm {

    private long customerId;

    @NotBlank
    @Size(max = 200)
    private String name = "";

    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 17, fraction = 2)
    private @Nullable BigDecimal amount;

    @NotBlank
    @Pattern(regexp = "[A-Za-z]{3}", message = "{opportunity.currency.pattern}")
    private String currency = "CNY";

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate expectedCloseDate;

    @NotNull
    private OpportunityType type = OpportunityType.NEW_BUSINESS;

    @Min(0)
    @Max(100)
    private @Nullable Integer probability;

    @Size(max = 500)
    private @Nullable String nextStep;

    @Size(max = 200)
    private @Nullable String competitor;

    private @Nullable Long ownerId;

    private long version;

    static OpportunityForm of(OpportunityDetails o) {
        OpportunityForm form = new OpportunityForm();
        form.customerId = o.customerId();
        form.name = o.name();
        form.amount = o.amount();
        form.currency = o.currency();
        form.expectedCloseDate = o.expectedCloseDate();
        form.type = o.type();
        form.probability = o.probabilityIsDefault() ? null : o.probability();
        form.nextStep = o.nextStep();
        form.competitor = o.competitor();
        form.ownerId = o.ownerId();
        form.version = o.version();
        return form;
    }

    OpportunityData toData() {
        return new OpportunityData(
                name,
                amount == null ? BigDecimal.ZERO : amount,
                currency,
                expectedCloseDate == null ? LocalDate.now() : expectedCloseDate,
                type,
                probability,
                nextStep,
                competitor);
    }
}
