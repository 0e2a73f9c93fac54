package com.kehu.crm.order.api;

import com.kehu.crm.order.OrderDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST (with {@code customerId}) and PUT (with {@code version}) on {@code /api/v1/orders}. Totals are
 * not accepted: the server computes them. An absent currency is the default; an absent date is today.
 */
public record OrderRequest(
        @Nullable Long customerId,
        @Nullable Long opportunityId,
        @Nullable LocalDate orderDate,
        @Nullable @Pattern(regexp = "[A-Za-z]{3}") String currency,
        @Nullable @Valid @Size(max = 200) List<LineRequest> lines,
        @Nullable Long version) {

    public record LineRequest(
            @NotNull Long productId,

            @NotNull @Positive @Digits(integer = 16, fraction = 3)
            BigDecimal quantity,

            @Nullable @DecimalMin("0") @Digits(integer = 17, fraction = 2)
            BigDecimal unitPrice,

            @Nullable @DecimalMin("0") @DecimalMax("100") BigDecimal discountPercent) {}

    OrderDraft toDraft(long customer, LocalDate today, String defaultCurrency) {
        return new OrderDraft(
                customer,
                opportunityId,
                orderDate == null ? today : orderDate,
                currency == null ? defaultCurrency : currency,
                lines == null
                        ? List.of()
                        : lines.stream()
                                .map(l -> new OrderDraft.Line(
                                        l.productId(), l.quantity(), l.unitPrice(), l.discountPercent()))
                                .toList());
    }
}
