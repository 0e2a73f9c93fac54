package com.kehu.crm.order.web;

import com.kehu.crm.order.ProductData;
import com.kehu.crm.order.ProductRow;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** What the price-list screen posts. */
@Getter
@Setter
public class ProductForm {

    @NotBlank
    @Size(max = 40)
    @Pattern(regexp = "[A-Za-z0-9._\\-]*", message = "{product.code.pattern}")
    private String code = "";

    @NotBlank
    @Size(max = 200)
    private String name = "";

    @NotBlank
    @Size(max = 20)
    private String unit = "";

    @NotNull
    @DecimalMin("0")
    @Digits(integer = 17, fraction = 2)
    private @Nullable BigDecimal listPrice;

    @NotNull
    @DecimalMin("0")
    @Digits(integer = 17, fraction = 2)
    private @Nullable BigDecimal unitCost;

    @NotBlank
    @Pattern(regexp = "[A-Za-z]{3}", message = "{order.currency.pattern}")
    private String currency = "";

    private boolean active = true;

    /** A product category code; empty for none. */
    @Size(max = 40)
    @Pattern(regexp = "[A-Za-z0-9_]*")
    private String category = "";

    private long version;

    static ProductForm of(ProductRow p) {
        ProductForm form = new ProductForm();
        form.code = p.code();
        form.name = p.name();
        form.unit = p.unit();
        form.listPrice = p.listPrice();
        form.unitCost = p.unitCost();
        form.currency = p.currency();
        form.active = p.active();
        form.version = p.version();
        form.category = p.category() == null ? "" : p.category().code();
        return form;
    }

    ProductData toData() {
        return new ProductData(
                code,
                name,
                unit,
                listPrice == null ? BigDecimal.ZERO : listPrice,
                unitCost == null ? BigDecimal.ZERO : unitCost,
                currency,
                active,
                category.isBlank() ? null : category);
    }
}
