package com.kehu.crm.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A payment received (回款) as the screen or the API enters it. */
public record NewPayment(
        BigDecimal amount,
        LocalDate paidOn,
        PaymentMethod method,
        @Nullable String reference) {}
