package com.kehu.crm.analytics.web;

import com.kehu.crm.analytics.AnalyticsQueries;
import com.kehu.crm.analytics.CustomerDrill;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.export.ExportColumn;
import com.kehu.crm.shared.export.ListExports;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.shared.web.Urls;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The customers behind a dashboard figure (e.g. the VIP slice of the pyramid), 50 a page, highest 12-month profit
 * first, each linking to the customer whose analytics tab says why it is there; exportable as CSV or .xlsx. The record
 * rules apply in the query: a rep's list holds the rep's customers only. An unknown class or value is a 400.
 */
@Controller
class CustomerDrillController {

    private final CustomerDrill drill;
    private final AnalyticsQueries queries;
    private final ListExports exports;
    private final MessageSource messages;

    CustomerDrillController(
            CustomerDrill drill, AnalyticsQueries queries, ListExports exports, MessageSource messages) {
        this.drill = drill;
        this.queries = queries;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping("/analytics/customers")
    String list(
            @RequestParam(required = false) @Nullable String slice,
            @RequestParam(required = false) @Nullable String value,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Locale locale,
            Model model) {
        CustomerDrill.Drill chosen = chosen(slice, value);
        Figures f = new Figures(locale);
        PageView<CustomerDrill.Row> rows = drill.page(chosen, principal.currentUser(), page);
        model.addAttribute("title", title(chosen, locale));
        model.addAttribute(
                "definitionKey", "dashboard.drill.def." + chosen.slice().name());
        model.addAttribute(
                "rows",
                rows.map(r -> new RowView(
                        r.customerId(),
                        r.code(),
                        r.name(),
                        r.ownerName(),
                        f.money(r.profit12m()),
                        f.count(r.profitRank()),
                        f.money(r.revenue12m()),
                        label("ValueTier." + r.valueTier(), locale),
                        r.rfmSegment() == null ? Figures.NONE : label("RfmSegment." + r.rfmSegment(), locale),
                        f.money(r.clv()),
                        r.clvTier() == null ? Figures.NONE : label("ClvTier." + r.clvTier(), locale),
                        f.percent(r.pAlive()),
                        r.loyalty() == null ? Figures.NONE : label("LoyaltyClass." + r.loyalty(), locale),
                        r.lifecycleStage() == null
                                ? Figures.NONE
                                : label("LifecycleStage." + r.lifecycleStage(), locale),
                        r.lastPurchase(),
                        r.nextPurchaseExpected())));
        model.addAttribute("total", rows.totalExact() ? f.count(rows.totalElements()) : null);
        model.addAttribute("pageLinks", Urls.pageLinks(rows));
        model.addAttribute("exportLinks", ListExports.links());
        AnalyticsQueries.Computed computed = queries.computed();
        model.addAttribute("computedAt", computed.at());
        return "analytics/customers";
    }

    record RowView(
            long id,
            String code,
            String name,
            String owner,
            String profit,
            String rank,
            String revenue,
            String tier,
            String rfm,
            String clv,
            String clvTier,
            String pAlive,
            String loyalty,
            String lifecycle,
            java.time.@Nullable LocalDate lastPurchase,
            java.time.@Nullable LocalDate nextPurchaseExpected) {}

    @GetMapping("/analytics/customers/export")
    void export(
            @RequestParam(required = false) @Nullable String slice,
            @RequestParam(required = false) @Nullable String value,
            @RequestParam(defaultValue = "csv") String format,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletResponse response)
            throws IOException {
        CustomerDrill.Drill chosen = chosen(slice, value);
        var type = ListExports.format(format);
        CurrentUser user = principal.currentUser();
        exports.write(
                response,
                type,
                "analytics-customers",
                columns(),
                user.id(),
                user.username(),
                ListExports.filters("slice", chosen.slice(), "value", chosen.value()),
                sink -> drill.stream(chosen, user, sink));
    }

    private List<ExportColumn<CustomerDrill.Row>> columns() {
        return List.of(
                ExportColumn.of("customer.code", CustomerDrill.Row::code),
                ExportColumn.of("customer.name", CustomerDrill.Row::name),
                ExportColumn.of("customer.owner", CustomerDrill.Row::ownerName),
                ExportColumn.of("dashboard.col.profit12m", CustomerDrill.Row::profit12m),
                ExportColumn.of("dashboard.col.rank", CustomerDrill.Row::profitRank),
                ExportColumn.of("dashboard.col.revenue12m", CustomerDrill.Row::revenue12m),
                ExportColumn.of("analytics.tab.valueTier", r -> current("ValueTier." + r.valueTier())),
                ExportColumn.of(
                        "analytics.tab.rfm",
                        r -> r.rfmSegment() == null ? null : current("RfmSegment." + r.rfmSegment())),
                ExportColumn.of("analytics.tab.clv", CustomerDrill.Row::clv),
                ExportColumn.of(
                        "analytics.tab.clvTier", r -> r.clvTier() == null ? null : current("ClvTier." + r.clvTier())),
                ExportColumn.of("dashboard.col.pAlive", CustomerDrill.Row::pAlive),
                ExportColumn.of(
                        "analytics.tab.loyalty",
                        r -> r.loyalty() == null ? null : current("LoyaltyClass." + r.loyalty())),
                ExportColumn.of(
                        "analytics.tab.lifecycle",
                        r -> r.lifecycleStage() == null ? null : current("LifecycleStage." + r.lifecycleStage())),
                ExportColumn.of("dashboard.col.lastPurchase", CustomerDrill.Row::lastPurchase),
                ExportColumn.of("dashboard.col.nextPurchase", CustomerDrill.Row::nextPurchaseExpected),
                ExportColumn.of("dashboard.col.churned", CustomerDrill.Row::churned),
                ExportColumn.of("dashboard.col.atRisk", CustomerDrill.Row::atRisk));
    }

    private static CustomerDrill.Drill chosen(@Nullable String slice, @Nullable String value) {
        return CustomerDrill.of(slice, value).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
    }

    private String title(CustomerDrill.Drill chosen, Locale locale) {
        String slice = label("dashboard.drill.slice." + chosen.slice().name(), locale);
        if (chosen.value() == null) {
            return slice;
        }
        String value = switch (chosen.slice()) {
            case VALUE_TIER -> label("ValueTier." + chosen.value(), locale);
            case RFM_SEGMENT -> label("RfmSegment." + chosen.value(), locale);
            case CLV_TIER -> label("ClvTier." + chosen.value(), locale);
            case LOYALTY -> label("LoyaltyClass." + chosen.value(), locale);
            case LIFECYCLE -> label("LifecycleStage." + chosen.value(), locale);
            default -> chosen.value();
        };
        return messages.getMessage("dashboard.drill.title", new Object[] {slice, value}, locale);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String current(String key) {
        return label(key, LocaleContextHolder.getLocale());
    }
}
