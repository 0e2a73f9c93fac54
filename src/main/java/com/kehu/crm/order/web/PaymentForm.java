package com.kehu.crm.order.web;

import com.kehu.crm.order.NewPayment;
import com.kehu.crm.order.PaymentMethod;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** What the payment form on the order page posts. */
@Getter
@Setter
public class PaymentForm {

    @NotNull
    @Positive
    @Digits(integer = 17, fraction = 2)
    private @Nullable BigDecimal amount;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate paidOn;

    @NotNull
    private @Nullable PaymentMethod method = PaymentMethod.BANK_TRANSFER;

    @Size(max = 200)
    private @Nullable String reference;

    NewPayment toPayment() {
        return new NewPayment(
                Objects.requireNonNull(amount),
                Objects.requireNonNull(paidOn),
                Objects.requireNonNull(method),
                reference);
    }
}
