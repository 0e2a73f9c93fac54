package com.kehu.crm.order.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** One row of the order form; a row without a product is a blank row and is ignored. */
@Getter
@Setter
public class OrderLineForm {

    private @Nullable Long productId;

    @Positive
    @Digits(integer = 16, fraction = 3)
    private @Nullable BigDecimal quantity;

    @DecimalMin("0")
    @Digits(integer = 17, fraction = 2)
    private @Nullable BigDecimal unitPrice;

    @DecimalMin("0")
    @DecimalMax("100")
    @Digits(integer = 3, fraction = 2)
    private @Nullable BigDecimal discountPercent;

    boolean isBlank() {
        return productId == null;
    }
}
