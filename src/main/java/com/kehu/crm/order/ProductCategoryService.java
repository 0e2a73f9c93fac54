package com.kehu.crm.order;

import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product categories (reference data) for admins: add, rename in both languages, move up or down, deactivate or
 * activate again. A category is never deleted: products keep it, and old answers are reported under it.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class ProductCategoryService {

    private final JdbcClient jdbc;
    private final ProductQueries queries;

    public long add(String code, String nameEn, String nameZh) {
        String normalized = normaliseCode(code);
        boolean taken = jdbc.sql("select exists (select 1 from product_category where code = :code)")
                .param("code", normalized)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new OrderRuleException(
                    "productCategory.code.taken", "code", "Product category code " + normalized + " exists");
        }
        return jdbc.sql("""
                        insert into product_category (id, code, name_en, name_zh, position)
                        values (nextval('product_category_seq'), :code, :en, :zh,
                                (select coalesce(max(position), 0) + 10 from product_category))
                        returning id""")
                .param("code", normalized)
                .param("en", nameEn.strip())
                .param("zh", nameZh.strip())
                .query(Long.class)
                .single();
    }

    public void rename(long id, String nameEn, String nameZh) {
        require(
                jdbc.sql("""
                        update product_category set name_en = :en, name_zh = :zh, version = version + 1,
                            updated_at = now() where id = :id""")
                        .param("en", nameEn.strip())
                        .param("zh", nameZh.strip())
                        .param("id", id)
                        .update(),
                id);
    }

    public void setActive(long id, boolean active) {
        require(jdbc.sql("""
                        update product_category set active = :active, version = version + 1, updated_at = now()
                        where id = :id""").param("active", active).param("id", id).update(), id);
    }

    /** Swaps the category with its neighbour above ({@code up}) or below. */
    public void move(long id, boolean up) {
        List<ProductCategory> all = queries.categories(false);
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == id) {
                index = i;
            }
        }
        require(index < 0 ? 0 : 1, id);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= all.size()) {
            return;
        }
        // renumber all (a handful of rows) so equal positions never make the swap a no-op
        for (int i = 0; i < all.size(); i++) {
            int position = (i == index ? other : i == other ? index : i) * 10 + 10;
            jdbc.sql("update product_category set position = :position, updated_at = now() where id = :id")
                    .param("position", position)
                    .param("id", all.get(i).id())
                    .update();
        }
    }

    /**
     * The id of the category a product is given by code; null for none. An unknown code, or a deactivated category
     * the product does not have already ({@code currentId}), is refused on the field {@code category}.
     */
    @Nullable
    Long resolve(@Nullable String code, @Nullable Long currentId) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String normalized = normaliseCode(code);
        return jdbc.sql("select id from product_category where code = :code and (active or id = :current)")
                .param("code", normalized)
                .param("current", currentId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new OrderRuleException(
                        "product.category.unknown", "category", "No product category " + normalized, normalized));
    }

    static String normaliseCode(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    private static void require(int updated, long id) {
        if (updated == 0) {
            throw ProductCategoryNotFoundException.forId(id);
        }
    }
}
