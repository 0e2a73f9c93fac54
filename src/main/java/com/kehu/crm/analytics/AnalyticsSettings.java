package com.kehu.crm.analytics;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The analytics parameters in force, for screens and answers that show them beside their figures. */
@Service
public class AnalyticsSettings {

    private final AnalyticsParameterStore store;
    private final JdbcClient jdbc;

    AnalyticsSettings(AnalyticsParameterStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /** A survey attribute customers rate, which the satisfaction index weighs ({@code csiWeights}). */
    public record CsiAttribute(String code, String labelEn, String labelZh, boolean active) {}

    public AnalyticsParameters current() {
        return store.current();
    }

    /** The survey attributes in their survey order (inactive ones last), for the weights of the satisfaction index. */
    public List<CsiAttribute> csiAttributes() {
        return jdbc.sql("""
                        select code, label_en, label_zh, active from analytics_survey_attribute_v
                        order by active desc, position, code""")
                .query((rs, n) -> new CsiAttribute(
                        rs.getString("code"),
                        rs.getString("label_en"),
                        rs.getString("label_zh"),
                        rs.getBoolean("active")))
                .list();
    }
}
