package com.kehu.crm.analytics.web;

import com.kehu.crm.analytics.MetricsRefresh;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

/**
 * The model of the metrics refresh card ({@code admin/analytics :: refresh}), shown on the parameters screen and on the
 * manager dashboard: the latest refresh with its progress, the last one completed, and the URL the card posts to and
 * polls while a refresh runs (each screen's own, behind its own URL rule).
 */
final class RefreshCard {

    private RefreshCard() {}

    static void addTo(Model model, MetricsRefresh refresh, String url) {
        MetricsRefresh.@Nullable Status latest = refresh.latest().orElse(null);
        model.addAttribute("refresh", latest);
        model.addAttribute("refreshActive", latest != null && latest.active());
        model.addAttribute("lastDone", refresh.lastDone().orElse(null));
        model.addAttribute("refreshUrl", url);
    }
}
