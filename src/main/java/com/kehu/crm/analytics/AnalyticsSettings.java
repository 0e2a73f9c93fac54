package com.kehu.crm.analytics;

import org.springframework.stereotype.Service;

/** The analytics parameters in force, for screens and answers that show them beside their figures. */
@Service
public class AnalyticsSettings {

    private final AnalyticsParameterStore store;

    AnalyticsSettings(AnalyticsParameterStore store) {
        this.store = store;
    }

    public AnalyticsParameters current() {
        return store.current();
    }
}
