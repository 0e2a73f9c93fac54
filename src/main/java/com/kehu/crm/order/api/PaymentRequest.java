package com.kehu.crm.order.api;

import com.kehu.crm.order.NewPayment;
import com.kehu.crm.order.PaymentMethod;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/orders/{id}/payments}. */
public record PaymentRequest(
        @NotNull @Positive @Digits(integer = 17, fraction = 2)
        BigDecimal amount,

        @NotNull LocalDate paidOn,
        @NotNull PaymentMethod method,
        @Nullable @Size(max = 200) String reference) {

    NewPayment toPayment() {
        return new NewPayment(amount, paidOn, method, reference);
    }
}
