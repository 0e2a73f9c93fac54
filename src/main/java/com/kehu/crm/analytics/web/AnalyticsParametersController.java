package com.kehu.crm.analytics.web;

import com.kehu.crm.analytics.AnalyticsParameterChange;
import com.kehu.crm.analytics.AnalyticsParameterChange.Current;
import com.kehu.crm.analytics.AnalyticsParameters;
import com.kehu.crm.analytics.AnalyticsSettings;
import com.kehu.crm.analytics.ClvTimeUnit;
import com.kehu.crm.analytics.MetricsRefresh;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.UserQueries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/analytics} (admins, URL rule in identity.SecurityConfig): every analytics parameter with its value in
 * force, its default and what it changes; saving goes through {@link AnalyticsParameterChange} (the rules, the
 * version check, the audit), and "Refresh now" starts the metrics refresh whose progress the page polls.
 */
@Controller
@RequestMapping("/admin/analytics")
@RequiredArgsConstructor
class AnalyticsParametersController {

    /** How a parameter is typed and shown: shares as percentages, the rest in their own unit. */
    enum Unit {
        PERCENT,
        DECIMAL,
        WHOLE,
        AMOUNT,
        TIME_UNIT
    }

    record Field(String name, Unit unit) {}

    record Group(String key, List<Field> fields) {}

    /** The parameters by model, in the order the screen shows them (the CSI weights follow as their own group). */
    static final List<Group> GROUPS = List.of(
            new Group(
                    "tiers",
                    List.of(
                            new Field("vipShare", Unit.PERCENT),
                            new Field("importantShare", Unit.PERCENT),
                            new Field("ticketCost", Unit.AMOUNT),
                            new Field("callCost", Unit.AMOUNT),
                            new Field("touchCost", Unit.AMOUNT))),
            new Group(
                    "clv",
                    List.of(
                            new Field("clvTimeUnit", Unit.TIME_UNIT),
                            new Field("clvHorizonMonths", Unit.WHOLE),
                            new Field("annualDiscountRate", Unit.PERCENT),
                            new Field("clvMinCustomers", Unit.WHOLE),
                            new Field("mvcShare", Unit.PERCENT),
                            new Field("stcShare", Unit.PERCENT))),
            new Group(
                    "churn",
                    List.of(
                            new Field("churnAliveBelow", Unit.PERCENT),
                            new Field("churnSilenceFactor", Unit.DECIMAL),
                            new Field("singleBuyerLostDays", Unit.WHOLE),
                            new Field("atRiskAliveBelow", Unit.PERCENT),
                            new Field("atRiskSilenceFactor", Unit.DECIMAL))),
            new Group(
                    "loyalty",
                    List.of(
                            new Field("loyaltyMinPurchaseDays", Unit.WHOLE),
                            new Field("attitudeRecommendMin", Unit.WHOLE),
                            new Field("attitudeRepurchaseMin", Unit.WHOLE))),
            new Group(
                    "lifecycle",
                    List.of(new Field("explorationDays", Unit.WHOLE), new Field("lifecycleTrend", Unit.PERCENT))));

    private static final String WEIGHTS = "csiWeights";

    private final AnalyticsParameterChange parameters;
    private final AnalyticsSettings settings;
    private final MetricsRefresh refresh;
    private final UserQueries users;

    /**
     * What the admin typed, as text (so a wrong entry comes back as typed): {@code values} by parameter name,
     * {@code weights} by survey attribute code, {@code reset} the parameters ({@code csiWeights[CODE]} for a weight)
     * to set back to their default, and the version the values were read at.
     */
    @Getter
    @Setter
    static class ParametersForm {
        private long version;
        private Map<String, String> values = new LinkedHashMap<>();
        private Map<String, String> weights = new LinkedHashMap<>();
        private Set<String> reset = new LinkedHashSet<>();
    }

    /**
     * One parameter's row: its value in force and its default, as the input shows them, and whether the admin's input
     * differs from the value stored meanwhile (after a conflict).
     */
    record Row(Field field, String current, String defaultValue, boolean differs) {}

    /** One CSI weight's row; a weight not set is 1. */
    record WeightRow(String code, String label, boolean active, String current, boolean differs) {}

    record GroupView(String key, List<Row> rows) {}

    @GetMapping
    String show(Model model, Locale locale) {
        Current current = parameters.current();
        return page(model, formOf(current.values(), current.version()), current, locale);
    }

    @PostMapping
    String save(
            @ModelAttribute("form") ParametersForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            Locale locale,
            RedirectAttributes flash) {
        applyResets(form);
        if (result.hasErrors()) {
            return page(model, form, parameters.current(), locale);
        }
        try {
            parameters.change(values(form), form.getVersion(), principal.currentUser());
        } catch (AnalyticsParameterChange.InvalidParametersException e) {
            for (AnalyticsParameters.Violation v : e.violations()) {
                String path = formPath(v.field());
                if (path == null) {
                    result.reject(v.rule(), v.arguments().toArray(), v.message());
                } else {
                    result.rejectValue(path, v.rule(), v.arguments().toArray(), v.message());
                }
            }
            return page(model, form, parameters.current(), locale);
        } catch (AnalyticsParameterChange.StaleParametersException e) {
            Current now = parameters.current();
            // the admin has now seen the values stored meanwhile: saving again replaces them on purpose
            form.setVersion(now.version());
            model.addAttribute("conflict", true);
            return page(model, form, now, locale);
        }
        flash.addFlashAttribute("parametersSaved", true);
        return "redirect:/admin/analytics";
    }

    @PostMapping("/refresh")
    String refreshNow(@AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        MetricsRefresh.Requested requested =
                refresh.start(principal.currentUser().id());
        flash.addFlashAttribute(
                "refreshNotice",
                requested.started()
                        ? "analytics.parameters.refresh.started"
                        : "analytics.parameters.refresh.alreadyRunning");
        return "redirect:/admin/analytics";
    }

    /** The refresh card alone, polled by htmx while a refresh is queued or running. */
    @GetMapping("/refresh")
    String refreshStatus(Model model) {
        refreshModel(model);
        return "admin/analytics :: refresh";
    }

    private String page(Model model, ParametersForm form, Current current, Locale locale) {
        boolean conflict = Boolean.TRUE.equals(model.getAttribute("conflict"));
        ParametersForm stored = formOf(current.values(), current.version());
        ParametersForm defaults = formOf(current.defaults(), 0);
        List<GroupView> groups = GROUPS.stream()
                .map(g -> new GroupView(
                        g.key(),
                        g.fields().stream()
                                .map(f -> new Row(
                                        f,
                                        stored.getValues().get(f.name()),
                                        defaults.getValues().get(f.name()),
                                        conflict
                                                && !sameInput(
                                                        form.getValues().get(f.name()),
                                                        stored.getValues().get(f.name()))))
                                .toList()))
                .toList();
        boolean chinese = locale.getLanguage().equals("zh");
        List<WeightRow> weights = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (AnalyticsSettings.CsiAttribute a : settings.csiAttributes()) {
            codes.add(a.code());
            weights.add(weightRow(a.code(), chinese ? a.labelZh() : a.labelEn(), a.active(), form, stored, conflict));
        }
        // a weight kept for an attribute no longer in the survey still counts: show it so it can be reset
        for (String code : current.values().csiWeights().keySet()) {
            if (codes.add(code)) {
                weights.add(weightRow(code, code, false, form, stored, conflict));
            }
        }
        for (String code : codes) {
            form.getWeights().putIfAbsent(code, stored.getWeights().getOrDefault(code, "1"));
        }
        model.addAttribute("form", form);
        model.addAttribute("groups", groups);
        model.addAttribute("weights", weights);
        model.addAttribute("timeUnits", ClvTimeUnit.values());
        model.addAttribute("changedAt", current.version() == 0 ? null : current.updatedAt());
        model.addAttribute(
                "changedBy",
                current.updatedBy() == null
                        ? null
                        : users.displayNames(List.of(current.updatedBy())).get(current.updatedBy()));
        refreshModel(model);
        return "admin/analytics";
    }

    private static WeightRow weightRow(
            String code, String label, boolean active, ParametersForm form, ParametersForm stored, boolean conflict) {
        String now = stored.getWeights().getOrDefault(code, "1");
        String typed = form.getWeights().get(code);
        return new WeightRow(code, label, active, now, conflict && typed != null && !sameInput(typed, now));
    }

    private void refreshModel(Model model) {
        RefreshCard.addTo(model, refresh, "/admin/analytics/refresh");
    }

    /** The parameters as the form shows them: shares in percent, everything as plain text. */
    private static ParametersForm formOf(AnalyticsParameters parameters, long version) {
        ParametersForm form = new ParametersForm();
        form.setVersion(version);
        Map<String, Object> values = parameters.asMap();
        for (Group group : GROUPS) {
            for (Field field : group.fields()) {
                form.getValues().put(field.name(), text(field.unit(), values.get(field.name())));
            }
        }
        parameters.csiWeights().forEach((code, weight) -> form.getWeights().put(code, plain(weight)));
        return form;
    }

    /** A reset field shows its default again (also when the page comes back with errors). */
    private static void applyResets(ParametersForm form) {
        ParametersForm defaults = formOf(AnalyticsParameters.DEFAULTS, 0);
        for (String name : form.getReset()) {
            if (name.startsWith(WEIGHTS + "[") && name.endsWith("]")) {
                form.getWeights().put(name.substring(WEIGHTS.length() + 1, name.length() - 1), "1");
            } else if (defaults.getValues().containsKey(name)) {
                form.getValues().put(name, defaults.getValues().get(name));
            }
        }
        form.setReset(new LinkedHashSet<>());
    }

    /**
     * The form's text as parameter values: percentages back to shares (text that is not a number is passed on as
     * typed, for the rules to report), weights of 1 left out (an attribute not named weighs 1).
     */
    private static Map<String, Object> values(ParametersForm form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Group group : GROUPS) {
            for (Field field : group.fields()) {
                String typed = Objects.requireNonNullElse(form.getValues().get(field.name()), "");
                values.put(field.name(), field.unit() == Unit.PERCENT ? fromPercent(typed) : typed.strip());
            }
        }
        Map<String, Object> weights = new LinkedHashMap<>();
        form.getWeights().forEach((code, typed) -> {
            String weight = Objects.requireNonNullElse(typed, "").strip();
            BigDecimal number = number(weight);
            if (!weight.isEmpty() && (number == null || number.compareTo(BigDecimal.ONE) != 0)) {
                weights.put(code, weight);
            }
        });
        values.put(WEIGHTS, weights);
        return values;
    }

    /** The form field a parameter's rule is reported on; null for the weights as a whole. */
    private static @Nullable String formPath(String parameter) {
        if (parameter.startsWith(WEIGHTS + "[")) {
            return "weights" + parameter.substring(WEIGHTS.length());
        }
        return parameter.equals(WEIGHTS) ? null : "values[" + parameter + "]";
    }

    private static Object fromPercent(String typed) {
        BigDecimal percent = number(typed.strip());
        return percent == null ? typed.strip() : percent.movePointLeft(2);
    }

    private static String text(Unit unit, @Nullable Object value) {
        if (value instanceof BigDecimal number) {
            return plain(unit == Unit.PERCENT ? number.movePointRight(2) : number);
        }
        return String.valueOf(value);
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static boolean sameInput(@Nullable String typed, @Nullable String stored) {
        BigDecimal a = typed == null ? null : number(typed.strip());
        BigDecimal b = stored == null ? null : number(stored);
        if (a != null && b != null) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(typed == null ? null : typed.strip(), stored);
    }

    private static @Nullable BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
