package com.kehu.crm.marketing.web;

import com.kehu.crm.marketing.ExpenseCategory;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** An expense line (报销) as the campaign page posts it. */
@Getter
@Setter
public class CampaignExpenseForm {

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate spentOn;

    @NotNull
    private @Nullable ExpenseCategory category = ExpenseCategory.OTHER;

    @NotNull
    @DecimalMin(value = "0.01")
    @Digits(integer = 17, fraction = 2)
    private @Nullable BigDecimal amount;

    @Size(max = 500)
    private @Nullable String note;
}
