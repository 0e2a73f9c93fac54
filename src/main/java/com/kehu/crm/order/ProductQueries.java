package com.kehu.crm.order;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.db.TextSearch;
import com.kehu.crm.shared.web.PageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the price list. Every seller may read it; the SQL is constant fragments with bound values. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ProductQueries {

    /** The order form offers at most this many active products in its picker. */
    public static final int OPTION_LIMIT = 500;

    private static final String SELECT = "select p.id, p.code, p.name, p.unit, p.list_price, p.unit_cost, p.currency,"
            + " p.active, p.version, pc.code as category_code, pc.name_en as category_name_en,"
            + " pc.name_zh as category_name_zh"
            + " from product p left join product_category pc on pc.id = p.category_id";

    private final JdbcClient jdbc;

    public PageView<ProductRow> list(@Nullable String q, @Nullable Boolean active, int page, int size) {
        return list(q, active, null, page, size);
    }

    /** The price list filtered by a search term, active or not, and a category code (null: any), by code. */
    public PageView<ProductRow> list(
            @Nullable String q, @Nullable Boolean active, @Nullable String category, int page, int size) {
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (active != null) {
            where.append(" and p.active = :active");
            params.put("active", active);
        }
        if (category != null && !category.isBlank()) {
            where.append(" and p.category_id = (select id from product_category where code = :category)");
            params.put("category", category.strip().toUpperCase(Locale.ROOT));
        }
        String term = q == null || q.isBlank() ? null : q.strip();
        if (term != null) {
            where.append(" and (p.code like :codePrefix escape '\\' or lower(p.name) like :nameContains escape '\\')");
            params.put("codePrefix", TextSearch.escapeLike(term.toUpperCase(Locale.ROOT)) + "%");
            params.put("nameContains", "%" + TextSearch.escapeLike(term.toLowerCase(Locale.ROOT)) + "%");
        }
        List<ProductRow> rows = PagedSql.bind(
                        jdbc.sql(SELECT + where + " order by p.code limit :limit offset :offset"), params)
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .query(ProductQueries::row)
                .list();
        return PagedSql.page(jdbc, rows, safePage, safeSize, "product p" + where, params);
    }

    public ProductRow details(long id) {
        return jdbc.sql(SELECT + " where p.id = :id")
                .param("id", id)
                .query(ProductQueries::row)
                .optional()
                .orElseThrow(() -> ProductNotFoundException.forId(id));
    }

    /** The order form's product picker: active products by code. */
    public List<ProductRow> options() {
        return jdbc.sql(SELECT + " where p.active order by p.code limit :limit")
                .param("limit", OPTION_LIMIT)
                .query(ProductQueries::row)
                .list();
    }

    /** The product categories in their order; {@code activeOnly} for what a product may be given. */
    public List<ProductCategory> categories(boolean activeOnly) {
        return jdbc.sql("select id, code, name_en, name_zh, active, position from product_category"
                        + (activeOnly ? " where active" : "") + " order by position, code")
                .query((rs, n) -> new ProductCategory(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name_en"),
                        rs.getString("name_zh"),
                        rs.getBoolean("active"),
                        rs.getInt("position")))
                .list();
    }

    public boolean canManage(CurrentUser user) {
        return Products.canManage(user);
    }

    static ProductRow row(ResultSet rs, int rowNum) throws SQLException {
        return new ProductRow(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("unit"),
                rs.getBigDecimal("list_price"),
                rs.getBigDecimal("unit_cost"),
                rs.getString("currency"),
                rs.getBoolean("active"),
                rs.getLong("version"),
                rs.getString("category_code") == null
                        ? null
                        : new ProductCategoryRef(
                                rs.getString("category_code"),
                                rs.getString("category_name_en"),
                                rs.getString("category_name_zh")));
    }
}
