package com.kehu.crm.analytics.web;

import com.kehu.crm.analytics.AnalyticsNames;
import com.kehu.crm.analytics.AnalyticsParameters;
import com.kehu.crm.analytics.AnalyticsQueries;
import com.kehu.crm.analytics.AnalyticsSettings;
import com.kehu.crm.analytics.CustomerDrill;
import com.kehu.crm.analytics.FunnelReport;
import com.kehu.crm.analytics.MetricsRefresh;
import com.kehu.crm.analytics.ReportPeriod;
import com.kehu.crm.analytics.SatisfactionReport;
import com.kehu.crm.analytics.SupportReport;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards of issue 7, drawn from the stored metrics and the period reports, within the reader's record rules:
 * the manager's (funnel, value-tier pyramid, loyalty matrix, satisfaction and NPS, churn and lifecycle, revenue and
 * margin, campaign ROI, support SLA), the rep's (pipeline and forecast, customers by tier, due to reorder, at risk) and
 * support's (response and resolution against the SLA, complaints by category, satisfaction by agent). Every figure
 * links to the records behind it and says what it means, with the parameters that shaped it.
 */
@Controller
class DashboardController {

    private final AnalyticsQueries queries;
    private final AnalyticsSettings settings;
    private final FunnelReport funnel;
    private final SatisfactionReport satisfaction;
    private final SupportReport support;
    private final CustomerDrill drill;
    private final AnalyticsNames names;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;
    private final MetricsRefresh refresh;

    DashboardController(
            AnalyticsQueries queries,
            AnalyticsSettings settings,
            FunnelReport funnel,
            SatisfactionReport satisfaction,
            SupportReport support,
            CustomerDrill drill,
            AnalyticsNames names,
            MessageSource messages,
            JsonMapper json,
            Clock clock,
            MetricsRefresh refresh) {
        this.queries = queries;
        this.settings = settings;
        this.funnel = funnel;
        this.satisfaction = satisfaction;
        this.support = support;
        this.drill = drill;
        this.names = names;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** The reader's own dashboard: managers and admins the manager's, sellers theirs, support theirs. */
    @GetMapping("/analytics")
    String home(@AuthenticationPrincipal CrmUserDetails principal) {
        Role role = principal.currentUser().role();
        return switch (role) {
            case ADMIN, MANAGER -> "redirect:/analytics/manager";
            case SALES_REP -> "redirect:/analytics/rep";
            case SUPPORT_AGENT -> "redirect:/analytics/support";
            case MARKETER -> "redirect:/campaigns/performance";
        };
    }

    // ---------------------------------------------------------------------------------------------- manager

    @GetMapping("/analytics/manager")
    String manager(PeriodParams asked, @AuthenticationPrincipal CrmUserDetails principal, Locale locale, Model model) {
        CurrentUser user = principal.currentUser();
        Figures f = new Figures(locale);
        ReportPeriod period = period(asked, model);
        AnalyticsParameters p = settings.current();
        common(model, f, p);

        valueTiers(model, user, p, f, locale);
        model.addAttribute("funnelUrl", "/analytics/manager/funnel" + period.query());
        loyalty(model, user, f, locale);
        churnAndLifecycle(model, user, p, f, locale);
        rfmAndClv(model, user, f, locale);
        model.addAttribute(
                "clvDefinition",
                List.of(
                        f.count(p.clvHorizonMonths()),
                        f.percent(p.annualDiscountRate()),
                        f.percent(p.mvcShare()),
                        f.percent(p.stcShare())));
        salesTrend(model, user, f, locale);
        model.addAttribute("serviceUrl", "/analytics/manager/service" + period.query());
        model.addAttribute("campaignTableUrl", "/campaigns/performance/table");
        RefreshCard.addTo(model, refresh, MANAGER_REFRESH);
        return "analytics/manager";
    }

    /** Where the manager dashboard's refresh card posts and polls (managers and admins: its URL rule). */
    private static final String MANAGER_REFRESH = "/analytics/manager/refresh";

    /**
     * Starts a metrics refresh from the manager dashboard (every figure on it is as of the last one), or joins the one
     * queued or running; the card then shows its progress.
     */
    @PostMapping(MANAGER_REFRESH)
    String refreshNow(@AuthenticationPrincipal CrmUserDetails principal) {
        refresh.start(principal.currentUser().id());
        return "redirect:/analytics/manager#analytics-refresh";
    }

    /** The refresh card alone, polled by htmx while a refresh is queued or running. */
    @GetMapping(MANAGER_REFRESH)
    String refreshStatus(Model model) {
        RefreshCard.addTo(model, refresh, MANAGER_REFRESH);
        return "admin/analytics :: refresh";
    }

    /** The funnel of everything the manager may see, loaded by htmx after the page (it aggregates deals live). */
    @GetMapping("/analytics/manager/funnel")
    String managerFunnel(
            PeriodParams asked, @AuthenticationPrincipal CrmUserDetails principal, Locale locale, Model model) {
        return funnelFragment(asked, principal, locale, model, FunnelReport.Scope.ALL, "col-lg-6 col-xxl-4");
    }

    /** The rep's own funnel, loaded by htmx after the rep's page. */
    @GetMapping("/analytics/rep/funnel")
    String repFunnel(
            PeriodParams asked, @AuthenticationPrincipal CrmUserDetails principal, Locale locale, Model model) {
        return funnelFragment(asked, principal, locale, model, FunnelReport.Scope.MINE, "col-lg-6");
    }

    private String funnelFragment(
            PeriodParams asked,
            CrmUserDetails principal,
            Locale locale,
            Model model,
            FunnelReport.Scope scope,
            String column) {
        funnelCard(model, principal.currentUser(), period(asked, model), new Figures(locale), locale, scope);
        model.addAttribute("funnelColumn", column);
        return "analytics/cards :: funnel";
    }

    /** The manager's satisfaction and service-level cards, loaded by htmx after the page (from stored summaries). */
    @GetMapping("/analytics/manager/service")
    String managerService(
            PeriodParams asked, @AuthenticationPrincipal CrmUserDetails principal, Locale locale, Model model) {
        CurrentUser user = principal.currentUser();
        Figures f = new Figures(locale);
        ReportPeriod period = period(asked, model);
        SatisfactionReport.Report s = satisfaction.report(period.from(), period.to(), user);
        satisfactionCard(model, s, f, locale);
        SupportReport.Report sr = support.report(period.from(), period.to(), user);
        model.addAttribute("sla", performance(sr.overall(), f));
        model.addAttribute("supportLink", "/analytics/support" + period.query());
        return "analytics/cards :: manager-service";
    }

    // ---------------------------------------------------------------------------------------------- rep

    @GetMapping("/analytics/rep")
    String rep(PeriodParams asked, @AuthenticationPrincipal CrmUserDetails principal, Locale locale, Model model) {
        CurrentUser user = principal.currentUser();
        Figures f = new Figures(locale);
        ReportPeriod period = period(asked, model);
        AnalyticsParameters p = settings.current();
        common(model, f, p);

        forecast(model, user, f, locale);
        model.addAttribute("funnelUrl", "/analytics/rep/funnel" + period.query());
        valueTiers(model, user, p, f, locale);
        model.addAttribute("dueReorder", shortList(CustomerDrill.Slice.DUE_REORDER, user, f));
        model.addAttribute("atRisk", shortList(CustomerDrill.Slice.AT_RISK, user, f));
        model.addAttribute(
                "atRiskDefinition", List.of(f.percent(p.atRiskAliveBelow()), f.decimal(p.atRiskSilenceFactor())));
        return "analytics/rep";
    }

    // ---------------------------------------------------------------------------------------------- support

    @GetMapping("/analytics/support")
    String supportDashboard(
            PeriodParams asked, @AuthenticationPrincipal CrmUserDetails principal, Locale locale, Model model) {
        CurrentUser user = principal.currentUser();
        Figures f = new Figures(locale);
        ReportPeriod period = period(asked, model);
        common(model, f, settings.current());
        model.addAttribute("bodyUrl", "/analytics/support/body" + period.query());
        return "analytics/support";
    }

    /** The support dashboard's cards, loaded by htmx after the page (they read the period's stored service summaries). */
    @GetMapping("/analytics/support/body")
    String supportBody(
            PeriodParams asked, @AuthenticationPrincipal CrmUserDetails principal, Locale locale, Model model) {
        CurrentUser user = principal.currentUser();
        Figures f = new Figures(locale);
        ReportPeriod period = period(asked, model);
        SupportReport.Report report = support.report(period.from(), period.to(), user);
        model.addAttribute("sla", performance(report.overall(), f));
        Map<String, String> ticketLinks = new LinkedHashMap<>();
        for (String filter : List.of("ALL", "RESPONSE_MISSED", "RESOLUTION_MISSED")) {
            ticketLinks.put(filter, ticketLink(filter, null, period));
        }
        model.addAttribute("ticketLinks", ticketLinks);
        SatisfactionReport.Report s = satisfaction.report(period.from(), period.to(), user);
        Map<String, SatisfactionReport.Measures> satisfactionByAgent = new LinkedHashMap<>();
        s.byAgent().forEach(m -> satisfactionByAgent.put(m.group(), m));
        List<AgentRow> agents = new ArrayList<>();
        for (SupportReport.Performance a : report.byAgent()) {
            SatisfactionReport.Measures m = satisfactionByAgent.remove(a.group());
            agents.add(new AgentRow(agentName(a.group(), locale), performance(a, f), satisfactionOf(m, f)));
        }
        satisfactionByAgent
                .values()
                .forEach(m -> agents.add(new AgentRow(agentName(m.group(), locale), null, satisfactionOf(m, f))));
        model.addAttribute("agents", agents);
        satisfactionCard(model, s, f, locale);
        complaints(model, report, f, locale, period);
        return "analytics/cards :: support-body";
    }

    // ---------------------------------------------------------------------------------------------- cards

    private void common(Model model, Figures f, AnalyticsParameters p) {
        AnalyticsQueries.Computed computed = queries.computed();
        model.addAttribute("computedAt", computed.at());
        model.addAttribute("computedCustomers", f.count(computed.customers()));
        model.addAttribute("parameters", p);
    }

    /** One slice of a class: a tier, segment, stage; its count, share of the whole and the list behind it. */
    record Slice(
            String key,
            String label,
            long count,
            String countText,
            String share,
            @Nullable String link) {}

    private void valueTiers(Model model, CurrentUser user, AnalyticsParameters p, Figures f, Locale locale) {
        AnalyticsQueries.ValueTiers tiers = queries.valueTiers(user, p);
        Map<String, AnalyticsQueries.TierRow> byTier = new LinkedHashMap<>();
        tiers.tiers().forEach(t -> byTier.put(t.tier(), t));
        long total = tiers.tiers().stream()
                .mapToLong(AnalyticsQueries.TierRow::customers)
                .sum();
        List<TierView> views = new ArrayList<>();
        for (String tier : CustomerDrill.Slice.VALUE_TIER.classValues()) {
            AnalyticsQueries.TierRow row = byTier.get(tier);
            long count = row == null ? 0 : row.customers();
            views.add(new TierView(
                    tier,
                    label("ValueTier." + tier, locale),
                    f.count(count),
                    f.percent(Figures.share(count, total)),
                    f.money(row == null ? BigDecimal.ZERO : row.revenue12m()),
                    f.money(row == null ? BigDecimal.ZERO : row.profit12m()),
                    drillLink(CustomerDrill.Slice.VALUE_TIER, tier)));
        }
        model.addAttribute("tiers", views);
        model.addAttribute("tierTotal", f.count(total));
        AnalyticsQueries.Pareto pareto = tiers.pareto();
        model.addAttribute(
                "pareto",
                new ParetoView(
                        f.percent(pareto.topShare()),
                        f.percent(pareto.profitShareOfTop()),
                        f.percent(pareto.revenueShareOfTop()),
                        f.percent(pareto.unprofitableShare())));
        model.addAttribute(
                "tierDefinition",
                List.of(
                        f.percent(p.vipShare()),
                        f.percent(p.importantShare()),
                        f.money(p.ticketCost()),
                        f.money(p.callCost()),
                        f.money(p.touchCost())));
    }

    record TierView(
            String key, String label, String customers, String share, String revenue, String profit, String link) {}

    record ParetoView(String topShare, String profitShare, String revenueShare, String unprofitableShare) {}

    private void funnelCard(
            Model model, CurrentUser user, ReportPeriod period, Figures f, Locale locale, FunnelReport.Scope scope) {
        FunnelReport.Report report = funnel.report(period.from(), period.to(), scope, user);
        ChartData.Builder chart = ChartData.of("bar", "number");
        List<Slice> stages = new ArrayList<>();
        List<@Nullable Number> counts = new ArrayList<>();
        for (FunnelReport.StageCount stage : report.cohort()) {
            String link = UriComponentsBuilder.fromPath("/analytics/deals")
                    .queryParam("stage", stage.stage())
                    .queryParam("from", period.from())
                    .queryParam("to", period.to())
                    .queryParam("mine", scope == FunnelReport.Scope.MINE)
                    .build()
                    .toUriString();
            String label = label("PipelineStage." + stage.stage(), locale);
            chart.label(label, link);
            counts.add(stage.count());
            stages.add(new Slice(
                    stage.stage(),
                    label,
                    stage.count(),
                    f.count(stage.count()),
                    f.percent(stage.conversionFromPrevious()),
                    link));
        }
        chart.series(label("dashboard.funnel.reached", locale), counts);
        model.addAttribute("funnelStages", stages);
        model.addAttribute("funnelChart", write(chart.build()));
        FunnelReport.Group overall = report.overall();
        model.addAttribute("winRate", f.percent(overall.winRate()));
        model.addAttribute("won", f.count(overall.won()));
        model.addAttribute("lost", f.count(overall.lost()));
        model.addAttribute("cycleDays", f.decimal(overall.averageCycleDays()));
        model.addAttribute(
                "pipeline",
                report.weightedPipeline().stream()
                        .map(pl -> new MoneyPair(
                                pl.currency(),
                                f.money(pl.open(), pl.currency()),
                                f.money(pl.weighted(), pl.currency())))
                        .toList());
        model.addAttribute("funnelByRep", groups(report.byRep(), f));
        model.addAttribute("funnelByTeam", groups(report.byTeam(), f));
    }

    private static List<GroupView> groups(List<FunnelReport.Group> groups, Figures f) {
        return groups.stream()
                .map(g -> new GroupView(
                        g.group(),
                        f.count(g.created()),
                        f.count(g.won()),
                        f.count(g.lost()),
                        f.percent(g.winRate()),
                        f.decimal(g.averageCycleDays())))
                .toList();
    }

    record MoneyPair(String currency, String open, String weighted) {}

    record GroupView(String group, String created, String won, String lost, String winRate, String cycleDays) {}

    private void loyalty(Model model, CurrentUser user, Figures f, Locale locale) {
        Map<String, Long> counts = queries.counts(user, AnalyticsQueries.Dimension.LOYALTY);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Slice> cells = new LinkedHashMap<>();
        for (String value : CustomerDrill.Slice.LOYALTY.classValues()) {
            long count = counts.getOrDefault(value, 0L);
            cells.put(
                    value,
                    new Slice(
                            value,
                            label("LoyaltyClass." + value, locale),
                            count,
                            f.count(count),
                            f.percent(Figures.share(count, total)),
                            drillLink(CustomerDrill.Slice.LOYALTY, value)));
        }
        model.addAttribute("loyalty", cells);
    }

    private void satisfactionCard(Model model, SatisfactionReport.Report s, Figures f, Locale locale) {
        SatisfactionReport.Measures o = s.overall();
        model.addAttribute("satisfaction", satisfactionOf(o, f));
        model.addAttribute("responses", f.count(o.responses()));
        model.addAttribute("complaintsPer100", f.decimal(s.complaints().per100Orders()));
        model.addAttribute("complaints", f.count(s.complaints().complaints()));
        ChartData.Builder chart = ChartData.of("line", "number");
        List<@Nullable Number> csi = new ArrayList<>();
        List<@Nullable Number> nps = new ArrayList<>();
        List<@Nullable Number> topBox = new ArrayList<>();
        for (SatisfactionReport.Measures m : s.byMonth()) {
            chart.label(m.group(), null);
            csi.add(round(m.csi()));
            nps.add(round(m.nps()));
            topBox.add(m.topBoxShare() == null ? null : round(m.topBoxShare() * 100));
        }
        chart.series(label("dashboard.satisfaction.csi", locale), csi);
        chart.series(label("dashboard.satisfaction.nps", locale), nps, "y2", null, "number");
        chart.series(label("dashboard.satisfaction.topBox", locale), topBox);
        model.addAttribute("satisfactionChart", write(chart.build()));
        model.addAttribute("satisfactionByProductCategory", byProductCategory(s, f, locale));
        model.addAttribute(
                "satisfactionByTier",
                s.byTier().stream()
                        .map(m -> new NamedMeasures(
                                m.group().equals("NONE")
                                        ? label("dashboard.tier.none", locale)
                                        : label("ValueTier." + m.group(), locale),
                                satisfactionOf(m, f)))
                        .toList());
    }

    private static List<NamedMeasures> byProductCategory(SatisfactionReport.Report s, Figures f, Locale locale) {
        boolean chinese = locale.getLanguage().equals("zh");
        return s.byProductCategory().stream()
                .map(m -> {
                    SatisfactionReport.CategoryNames names =
                            s.productCategoryNames().get(m.group());
                    String name = names == null ? m.group() : chinese ? names.nameZh() : names.nameEn();
                    return new NamedMeasures(name, satisfactionOf(m, f));
                })
                .toList();
    }

    record MeasuresView(
            String responses,
            String overall,
            String topBox,
            String csi,
            String gap,
            String repurchase,
            String repurchaseShare,
            String nps) {}

    record NamedMeasures(String name, MeasuresView measures) {}

    private static @Nullable MeasuresView satisfactionOf(SatisfactionReport.@Nullable Measures m, Figures f) {
        if (m == null) {
            return null;
        }
        return new MeasuresView(
                f.count(m.responses()),
                f.decimal(m.overall()),
                f.percent(m.topBoxShare()),
                f.decimal(m.csi()),
                f.decimal(m.gap()),
                f.decimal(m.repurchase()),
                f.percent(m.repurchaseShare()),
                f.decimal(m.nps()));
    }

    private void churnAndLifecycle(Model model, CurrentUser user, AnalyticsParameters p, Figures f, Locale locale) {
        AnalyticsQueries.Churn churn = queries.churn(user);
        model.addAttribute(
                "churn",
                new ChurnView(
                        f.percent(churn.annualChurnRate()),
                        f.count(churn.base()),
                        f.count(churn.churned()),
                        f.count(churn.atRisk()),
                        f.count(churn.buyers()),
                        churn.annualChurnRate() == null
                                ? "UNKNOWN"
                                : churn.annualChurnRate() < 0.10
                                        ? "BELOW"
                                        : churn.annualChurnRate() > 0.30 ? "ABOVE" : "WITHIN",
                        drillLink(CustomerDrill.Slice.CHURNED, null),
                        drillLink(CustomerDrill.Slice.AT_RISK, null)));
        model.addAttribute(
                "churnDefinition",
                List.of(
                        f.percent(p.churnAliveBelow()),
                        f.decimal(p.churnSilenceFactor()),
                        f.count(p.singleBuyerLostDays()),
                        f.percent(p.atRiskAliveBelow()),
                        f.decimal(p.atRiskSilenceFactor())));
        model.addAttribute("lifecycleDefinition", List.of(f.count(p.explorationDays()), f.percent(p.lifecycleTrend())));
        Map<String, Long> stages = queries.counts(user, AnalyticsQueries.Dimension.LIFECYCLE);
        List<Slice> slices = slices(CustomerDrill.Slice.LIFECYCLE, "LifecycleStage.", stages, f, locale);
        model.addAttribute("lifecycle", slices);
        model.addAttribute("lifecycleChart", write(barChart(slices, "number", locale)));
    }

    record ChurnView(
            String annualRate,
            String base,
            String churned,
            String atRisk,
            String buyers,
            String band,
            String churnedLink,
            String atRiskLink) {}

    private void rfmAndClv(Model model, CurrentUser user, Figures f, Locale locale) {
        AnalyticsQueries.Rfm rfm = queries.rfm(user);
        Map<String, Long> segments = new LinkedHashMap<>();
        rfm.segments().forEach(s -> segments.put(s.segment(), s.customers()));
        List<Slice> rfmSlices = slices(CustomerDrill.Slice.RFM_SEGMENT, "RfmSegment.", segments, f, locale);
        model.addAttribute("rfm", rfmSlices);
        model.addAttribute("rfmChart", write(barChart(rfmSlices, "number", locale)));
        // the R × F grid, recency 5 (recent) on top, frequency 1 to 5 left to right; shade by count
        long[][] counts = new long[6][6];
        long max = 0;
        for (AnalyticsQueries.GridCell cell : rfm.grid()) {
            counts[cell.r()][cell.f()] = cell.customers();
            max = Math.max(max, cell.customers());
        }
        List<List<GridView>> grid = new ArrayList<>();
        for (int r = 5; r >= 1; r--) {
            List<GridView> row = new ArrayList<>();
            for (int fs = 1; fs <= 5; fs++) {
                long count = counts[r][fs];
                int shade = max == 0 || count == 0 ? 0 : (int) Math.ceil(4.0 * count / max);
                row.add(new GridView(
                        r,
                        fs,
                        f.count(count),
                        "rfm-heat-" + shade,
                        drillLink(CustomerDrill.Slice.RFM_CELL, r + "-" + fs)));
            }
            grid.add(row);
        }
        model.addAttribute("rfmGrid", grid);
        Map<String, Long> clv = queries.counts(user, AnalyticsQueries.Dimension.CLV_TIER);
        model.addAttribute("clvTiers", slices(CustomerDrill.Slice.CLV_TIER, "ClvTier.", clv, f, locale));
    }

    record GridView(int r, int f, String count, String shade, String link) {}

    /** Revenue and margin of the last 12 calendar months (as of the last refresh), each month linking to its orders. */
    private void salesTrend(Model model, CurrentUser user, Figures f, Locale locale) {
        List<AnalyticsQueries.MonthSales> months = queries.salesTrend(user, DEFAULT_TREND_MONTHS);
        ChartData.Builder chart = ChartData.of("bar", "money");
        List<@Nullable Number> revenue = new ArrayList<>();
        List<@Nullable Number> margin = new ArrayList<>();
        List<TrendView> rows = new ArrayList<>();
        for (AnalyticsQueries.MonthSales m : months) {
            String label = m.month().toString().substring(0, 7);
            String link = UriComponentsBuilder.fromPath("/orders")
                    .queryParam("status", "COMPLETED")
                    .queryParam("from", m.month())
                    .queryParam("to", m.month().plusMonths(1).minusDays(1))
                    .build()
                    .toUriString();
            chart.label(label, link);
            revenue.add(m.revenue());
            margin.add(m.margin());
            rows.add(new TrendView(label, f.money(m.revenue()), f.money(m.margin()), f.count(m.orders()), link));
        }
        chart.series(label("dashboard.trend.revenue", locale), revenue);
        chart.series(label("dashboard.trend.margin", locale), margin, "y", "line", "money");
        model.addAttribute("trendChart", write(chart.build()));
        model.addAttribute("trend", rows);
    }

    /** The revenue and margin trend covers this many calendar months. */
    static final int DEFAULT_TREND_MONTHS = 12;

    record TrendView(String month, String revenue, String margin, String orders, String link) {}

    private void forecast(Model model, CurrentUser user, Figures f, Locale locale) {
        List<FunnelReport.ForecastMonth> months =
                funnel.forecast(FunnelReport.Scope.MINE, 6, LocalDate.now(clock), user);
        // one chart per currency would be unreadable; the chart shows the company currency, the table all
        String currency = months.stream()
                .map(FunnelReport.ForecastMonth::currency)
                .filter("CNY"::equals)
                .findFirst()
                .orElse(months.isEmpty() ? "CNY" : months.get(0).currency());
        ChartData.Builder chart = ChartData.of("bar", "money");
        List<@Nullable Number> amounts = new ArrayList<>();
        List<@Nullable Number> weighted = new ArrayList<>();
        List<ForecastView> rows = new ArrayList<>();
        for (FunnelReport.ForecastMonth m : months) {
            String label = m.month().equals("OVERDUE") ? label("dashboard.forecast.overdue", locale) : m.month();
            rows.add(new ForecastView(
                    label,
                    m.currency(),
                    f.count(m.deals()),
                    f.money(m.amount(), m.currency()),
                    f.money(m.weighted(), m.currency())));
            if (m.currency().equals(currency)) {
                chart.label(label, "/opportunities/forecast");
                amounts.add(m.amount());
                weighted.add(m.weighted());
            }
        }
        chart.series(label("dashboard.forecast.amount", locale), amounts);
        chart.series(label("dashboard.forecast.weighted", locale), weighted);
        model.addAttribute("forecast", rows);
        model.addAttribute("forecastCurrency", currency);
        model.addAttribute("forecastChart", write(chart.build()));
    }

    record ForecastView(String month, String currency, String deals, String amount, String weighted) {}

    /** The first customers of a list (highest profit first) and how many there are, for a rep's dashboard card. */
    private ShortList shortList(CustomerDrill.Slice slice, CurrentUser user, Figures f) {
        var page = drill.page(new CustomerDrill.Drill(slice, null), user, 0);
        return new ShortList(
                page.totalExact() ? f.count(page.totalElements()) : "> " + f.count(page.totalElements()),
                page.content().stream()
                        .limit(10)
                        .map(r -> new ShortRow(
                                r.customerId(),
                                r.code(),
                                r.name(),
                                f.money(r.profit12m()),
                                r.lastPurchase(),
                                r.nextPurchaseExpected(),
                                f.percent(r.pAlive())))
                        .toList(),
                drillLink(slice, null));
    }

    record ShortList(String total, List<ShortRow> rows, String link) {}

    record ShortRow(
            long id,
            String code,
            String name,
            String profit,
            @Nullable LocalDate lastPurchase,
            @Nullable LocalDate nextPurchaseExpected,
            String pAlive) {}

    record PerformanceView(
            String tickets,
            String firstResponseHours,
            String firstResponseMedianHours,
            String resolutionHours,
            String resolutionMedianHours,
            String responseSlaMet,
            String resolutionSlaMet) {}

    record AgentRow(
            String agent,
            @Nullable PerformanceView performance,
            @Nullable MeasuresView satisfaction) {}

    private static PerformanceView performance(SupportReport.Performance p, Figures f) {
        return new PerformanceView(
                f.count(p.tickets()),
                f.decimal(p.firstResponseHours()),
                f.decimal(p.firstResponseMedianHours()),
                f.decimal(p.resolutionHours()),
                f.decimal(p.resolutionMedianHours()),
                f.percent(p.responseSlaMet()),
                f.percent(p.resolutionSlaMet()));
    }

    private String agentName(String group, Locale locale) {
        return group.equals("—") ? label("dashboard.support.unassigned", locale) : group;
    }

    private void complaints(Model model, SupportReport.Report report, Figures f, Locale locale, ReportPeriod period) {
        Map<String, String> categoryNames = this.names.ticketCategories(locale);
        List<String> months = report.complaints().stream()
                .map(SupportReport.CategoryMonth::month)
                .distinct()
                .sorted()
                .toList();
        List<String> categories = report.complaints().stream()
                .map(SupportReport.CategoryMonth::category)
                .distinct()
                .toList();
        ChartData.Builder chart = ChartData.of("bar", "number").stacked();
        months.forEach(m -> chart.label(m, null));
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String category : categories) {
            List<@Nullable Number> data = new ArrayList<>();
            for (String month : months) {
                long count = report.complaints().stream()
                        .filter(c -> c.month().equals(month) && c.category().equals(category))
                        .mapToLong(SupportReport.CategoryMonth::complaints)
                        .sum();
                data.add(count);
                totals.merge(category, count, Long::sum);
            }
            chart.series(categoryNames.getOrDefault(category, category), data);
        }
        model.addAttribute("complaintChart", write(chart.build()));
        model.addAttribute(
                "complaintTotals",
                totals.entrySet().stream()
                        .map(e -> new NamedCount(
                                categoryNames.getOrDefault(e.getKey(), e.getKey()),
                                f.count(e.getValue()),
                                ticketLink("COMPLAINTS", e.getKey(), period)))
                        .toList());
    }

    record NamedCount(String name, String count, String link) {}

    private static String ticketLink(String filter, @Nullable String category, ReportPeriod period) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/analytics/tickets")
                .queryParam("filter", filter)
                .queryParam("from", period.from())
                .queryParam("to", period.to());
        if (category != null) {
            link.queryParam("category", category);
        }
        return link.build().toUriString();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private List<Slice> slices(
            CustomerDrill.Slice slice, String labelPrefix, Map<String, Long> counts, Figures f, Locale locale) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Slice> slices = new ArrayList<>();
        for (String value : slice.classValues()) {
            long count = counts.getOrDefault(value, 0L);
            slices.add(new Slice(
                    value,
                    label(labelPrefix + value, locale),
                    count,
                    f.count(count),
                    f.percent(Figures.share(count, total)),
                    drillLink(slice, value)));
        }
        return slices;
    }

    private ChartData barChart(List<Slice> slices, String format, Locale locale) {
        ChartData.Builder chart = ChartData.of("bar", format);
        List<@Nullable Number> data = new ArrayList<>();
        for (Slice s : slices) {
            chart.label(s.label(), s.link());
            data.add(s.count());
        }
        chart.series(label("dashboard.customers", locale), data);
        return chart.build();
    }

    static String drillLink(CustomerDrill.Slice slice, @Nullable String value) {
        UriComponentsBuilder link =
                UriComponentsBuilder.fromPath("/analytics/customers").queryParam("slice", slice.name());
        if (value != null) {
            link.queryParam("value", value);
        }
        return link.build().toUriString();
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String write(ChartData chart) {
        return json.writeValueAsString(chart);
    }

    private static @Nullable Double round(@Nullable Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    /** The asked period, by default the last 12 months; a period that ends before it starts is refused on screen. */
    private ReportPeriod period(PeriodParams request, Model model) {
        ReportPeriod asked = request.period(clock);
        // the form shows what was asked, also when it is refused
        model.addAttribute("formFrom", asked.from());
        model.addAttribute("formTo", asked.to());
        ReportPeriod period = asked;
        if (!asked.valid()) {
            model.addAttribute("periodError", "dashboard.period.invalid");
            period = ReportPeriod.lastYear(clock);
        }
        model.addAttribute("period", period);
        return period;
    }
}
