package com.kehu.crm.order;

import com.kehu.crm.shared.domain.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/** An entry of the price list (价目表). Deactivated rather than deleted: old order lines point at it. */
@Entity
@Table(name = "product")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Product extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_seq")
    @SequenceGenerator(name = "product_seq", sequenceName = "product_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String unit;

    @Column(name = "list_price", nullable = false, precision = 19, scale = 2)
    private BigDecimal listPrice;

    @Column(name = "unit_cost", nullable = false, precision = 19, scale = 2)
    private BigDecimal unitCost;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private boolean active;

    /** A product category's id (reference data of this module), or null for none. */
    @Column(name = "category_id")
    private @Nullable Long categoryId;

    Product(ProductData data, @Nullable Long categoryId) {
        update(data, categoryId);
    }

    /** {@code categoryId} is the category {@code data.category()} names, resolved by the caller. */
    void update(ProductData data, @Nullable Long categoryId) {
        Assert.hasText(data.code(), "code must not be empty");
        Assert.hasText(data.name(), "name must not be empty");
        Assert.hasText(data.unit(), "unit must not be empty");
        Assert.isTrue(data.listPrice().signum() >= 0, "list price must not be negative");
        Assert.isTrue(data.unitCost().signum() >= 0, "unit cost must not be negative");
        this.code = normaliseCode(data.code());
        this.name = data.name().strip();
        this.unit = data.unit().strip();
        this.listPrice = data.listPrice().setScale(2, RoundingMode.HALF_UP);
        this.unitCost = data.unitCost().setScale(2, RoundingMode.HALF_UP);
        this.currency = data.currency().strip().toUpperCase(Locale.ROOT);
        Assert.isTrue(currency.length() == 3, "currency must be an ISO 4217 code");
        this.active = data.active();
        this.categoryId = categoryId;
    }

    void deactivate() {
        this.active = false;
    }

    static String normaliseCode(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
