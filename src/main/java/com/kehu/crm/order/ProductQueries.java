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

    private static final String SELECT =
            "select id, code, name, unit, list_price, unit_cost, currency, active, version from product p";

    private final JdbcClient jdbc;

    public PageView<ProductRow> list(@Nullable String q, @Nullable Boolean active, int page, int size) {
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (active != null) {
            where.append(" and p.active = :active");
            params.put("active", active);
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
                rs.getLong("version"));
    }
}
