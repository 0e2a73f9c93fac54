package com.kehu.crm.order.api;

import com.kehu.crm.order.ProductData;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST and PUT (with {@code version}) on {@code /api/v1/products}; absent {@code active} means true;
 * {@code category} is a product category code, absent or empty for none.
 */
public record ProductRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._\\-]*")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 20) String unit,

        @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2)
        BigDecimal listPrice,

        @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2)
        BigDecimal unitCost,

        @NotBlank @Pattern(regexp = "[A-Za-z]{3}") String currency,
        @Nullable Boolean active,
        @Nullable Long version,
        @Nullable @Size(max = 40) String category) {

    ProductData toData() {
        return new ProductData(
                code,
                name,
                unit,
                listPrice,
                unitCost,
                currency,
                !Boolean.FALSE.equals(active),
                category == null || category.isBlank() ? null : category);
    }
}
