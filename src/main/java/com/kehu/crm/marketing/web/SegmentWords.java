package com.kehu.crm.marketing.web;

import com.kehu.crm.identity.TeamRef;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.marketing.SegmentCriteria;
import com.kehu.crm.shared.web.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A segment's criteria as sentences in the user's language, for the detail page and the list. */
@Component
@RequiredArgsConstructor
class SegmentWords {

    private final MessageSource messages;
    private final Formats fmt;

    List<String> describe(
            SegmentCriteria k, Map<Long, UserRef> owners, List<TeamRef> teams, @Nullable String campaignName) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> lines = new ArrayList<>();
        list(lines, "customer.kind", "CustomerKind", k.kinds(), locale);
        list(lines, "customer.industry", "Industry", k.industries(), locale);
        list(lines, "customer.region", "Region", k.regions(), locale);
        list(lines, "customer.source", "CustomerSource", k.sources(), locale);
        list(lines, "customer.status", "CustomerStatus", k.statuses(), locale);
        list(lines, "segment.valueTier", "Importance", k.importances(), locale);
        if (k.ownerId() != null) {
            UserRef owner = owners.get(k.ownerId());
            lines.add(text("segment.words.owner", locale, owner == null ? "#" + k.ownerId() : owner.displayName()));
        }
        if (k.teamId() != null) {
            String team = teams.stream()
                    .filter(t -> t.id() == k.teamId())
                    .map(TeamRef::name)
                    .findFirst()
                    .orElse("#" + k.teamId());
            lines.add(text("segment.words.team", locale, team));
        }
        if (!k.tags().isEmpty()) {
            lines.add(text("segment.words.tags", locale, String.join(", ", k.tags())));
        }
        add(lines, "segment.words.minAge", k.minAge(), locale);
        add(lines, "segment.words.maxAge", k.maxAge(), locale);
        add(lines, "segment.words.minEmployees", k.minEmployees(), locale);
        add(lines, "segment.words.maxEmployees", k.maxEmployees(), locale);
        if (k.lastPurchaseFrom() != null) {
            lines.add(text("segment.words.lastPurchaseFrom", locale, fmt.date(k.lastPurchaseFrom())));
        }
        if (k.lastPurchaseTo() != null) {
            lines.add(text("segment.words.lastPurchaseTo", locale, fmt.date(k.lastPurchaseTo())));
        }
        add(lines, "segment.words.noPurchaseForDays", k.noPurchaseForDays(), locale);
        if (k.minSpend() != null) {
            lines.add(text("segment.words.minSpend", locale, fmt.number(k.minSpend())));
        }
        if (k.maxSpend() != null) {
            lines.add(text("segment.words.maxSpend", locale, fmt.number(k.maxSpend())));
        }
        add(lines, "segment.words.dueToReorder", k.dueToReorderWithinDays(), locale);
        if (k.winBack()) {
            lines.add(text("segment.words.winBack", locale));
        }
        if (k.neverBought()) {
            lines.add(text("segment.words.neverBought", locale));
        }
        if (k.campaignId() != null && k.campaignFilter() != null) {
            lines.add(text(
                    "segment.words.campaign",
                    locale,
                    text("SegmentCampaignFilter." + k.campaignFilter().name(), locale),
                    campaignName == null ? "#" + k.campaignId() : campaignName));
        }
        if (lines.isEmpty()) {
            lines.add(text("segment.words.everyone", locale));
        }
        lines.add(text(
                k.includeArchived() && !k.winBack()
                        ? "segment.words.archivedIncluded"
                        : "segment.words.archivedLeftOut",
                locale));
        return lines;
    }

    private void list(
            List<String> lines, String labelKey, String enumName, List<? extends Enum<?>> values, Locale locale) {
        if (!values.isEmpty()) {
            String joined = values.stream()
                    .map(v -> messages.getMessage(enumName + "." + v.name(), null, v.name(), locale))
                    .collect(Collectors.joining(", "));
            lines.add(
                    text("segment.words.list", locale, messages.getMessage(labelKey, null, labelKey, locale), joined));
        }
    }

    private void add(List<String> lines, String key, Integer value, Locale locale) {
        if (value != null) {
            lines.add(text(key, locale, fmt.number(value)));
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
