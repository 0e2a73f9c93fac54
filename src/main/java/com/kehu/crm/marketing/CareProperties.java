package com.kehu.crm.marketing;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Customer care (客户关怀).
 *
 * @param cron when the daily job creates the due care tasks (in {@code crm.time-zone}; "-" switches it off)
 * @param batchSize customers examined per transaction: bounds both the transaction and the memory of a run
 * @param dueHour the hour of the occasion day the created tasks are due at
 * @param statsDays the care page counts the tasks of this many past days
 * @param taskLocale the language of the details text written into created tasks
 * @param runOnStartup whether a run starts (in the background) once the application is up, to catch up on a missed
 *     scheduled run
 */
@ConfigurationProperties("crm.marketing.care")
public record CareProperties(
        @DefaultValue("0 30 5 * * *") String cron,
        @DefaultValue("2000") int batchSize,
        @DefaultValue("9") int dueHour,
        @DefaultValue("90") int statsDays,
        @DefaultValue("zh-CN") Locale taskLocale,
        @DefaultValue("true") boolean runOnStartup) {

    public CareProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("crm.marketing.care.batch-size must be positive");
        }
        if (dueHour < 0 || dueHour > 23) {
            throw new IllegalArgumentException("crm.marketing.care.due-hour must be 0-23");
        }
    }
}
