package com.kehu.crm.marketing;

import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.Region;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a segment selects: every criterion is optional and they combine with AND; a list matches any of its values.
 * Stored as JSON in {@code segment.criteria} (empty values left out) and turned into SQL by {@link SegmentQueries}.
 * Purchase criteria (last purchase, spend, due to reorder) select buyers only, from {@code customer_purchase}.
 *
 * @param importances the value tier (VIP / important / ordinary): the customer's importance field until the analytics
 *     module computes tiers
 * @param minAge individuals only, from the profile's birthday
 * @param minEmployees enterprises only, from the profile's employee count
 * @param noPurchaseForDays bought before, but not in the last this many days
 * @param dueToReorderWithinDays the expected next purchase falls on or before today plus this many days
 * @param winBack lost customers and lapsed buyers, never those flagged not worth retaining (CATALOG 4.7)
 * @param neverBought no completed order at all
 * @param includeArchived archived customers are left out unless this is set
 * @param campaignId with {@code campaignFilter}: an earlier campaign whose members (responders, non-responders) the
 *     segment keeps or leaves out, so one wave's responses refine the next (精准营销)
 */
public record SegmentCriteria(
        List<CustomerKind> kinds,
        List<Industry> industries,
        List<Region> regions,
        List<CustomerSource> sources,
        List<CustomerStatus> statuses,
        List<Importance> importances,
        @Nullable Long ownerId,
        @Nullable Long teamId,
        List<String> tags,
        @Nullable Integer minAge,
        @Nullable Integer maxAge,
        @Nullable Integer minEmployees,
        @Nullable Integer maxEmployees,
        @Nullable LocalDate lastPurchaseFrom,
        @Nullable LocalDate lastPurchaseTo,
        @Nullable Integer noPurchaseForDays,
        @Nullable BigDecimal minSpend,
        @Nullable BigDecimal maxSpend,
        @Nullable Integer dueToReorderWithinDays,
        Boolean winBack,
        Boolean neverBought,
        Boolean includeArchived,
        @Nullable Long campaignId,
        @Nullable SegmentCampaignFilter campaignFilter) {

    public static final int MAX_TAGS = 20;

    public SegmentCriteria {
        kinds = distinct(kinds);
        industries = distinct(industries);
        regions = distinct(regions);
        sources = distinct(sources);
        statuses = distinct(statuses);
        importances = distinct(importances);
        tags = normaliseTags(tags);
        // absent in stored or posted JSON means no
        winBack = Boolean.TRUE.equals(winBack);
        neverBought = Boolean.TRUE.equals(neverBought);
        includeArchived = Boolean.TRUE.equals(includeArchived);
    }

    public static SegmentCriteria none() {
        return new SegmentCriteria(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, false, false, false, null, null);
    }

    public static SegmentCriteria winBackOnly() {
        return none().withWinBack();
    }

    private SegmentCriteria withWinBack() {
        return new SegmentCriteria(
                kinds,
                industries,
                regions,
                sources,
                statuses,
                importances,
                ownerId,
                teamId,
                tags,
                minAge,
                maxAge,
                minEmployees,
                maxEmployees,
                lastPurchaseFrom,
                lastPurchaseTo,
                noPurchaseForDays,
                minSpend,
                maxSpend,
                dueToReorderWithinDays,
                true,
                neverBought,
                includeArchived,
                campaignId,
                campaignFilter);
    }

    /** Any criterion that reads the customer's purchase facts (and so selects buyers only). */
    public boolean usesPurchases() {
        return lastPurchaseFrom != null
                || lastPurchaseTo != null
                || noPurchaseForDays != null
                || minSpend != null
                || maxSpend != null
                || dueToReorderWithinDays != null;
    }

    /**
     * The rule each criterion breaks, as (field, message key) pairs: empty when the criteria are consistent. The
     * screens show them next to the fields, the API as field errors.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        nonNegative(problems, "minAge", minAge);
        nonNegative(problems, "maxAge", maxAge);
        nonNegative(problems, "minEmployees", minEmployees);
        nonNegative(problems, "maxEmployees", maxEmployees);
        nonNegative(problems, "noPurchaseForDays", noPurchaseForDays);
        nonNegative(problems, "dueToReorderWithinDays", dueToReorderWithinDays);
        if (minAge != null && minAge > 150 || maxAge != null && maxAge > 150) {
            problems.add(new Problem(maxAge != null && maxAge > 150 ? "maxAge" : "minAge", "segment.invalid.age"));
        }
        if (noPurchaseForDays != null && noPurchaseForDays > 36_500
                || dueToReorderWithinDays != null && dueToReorderWithinDays > 3_650) {
            problems.add(new Problem(
                    noPurchaseForDays != null && noPurchaseForDays > 36_500
                            ? "noPurchaseForDays"
                            : "dueToReorderWithinDays",
                    "segment.invalid.tooLarge"));
        }
        if (minSpend != null && minSpend.signum() < 0) {
            problems.add(new Problem("minSpend", "segment.invalid.negative"));
        }
        if (maxSpend != null && maxSpend.signum() < 0) {
            problems.add(new Problem("maxSpend", "segment.invalid.negative"));
        }
        if (minAge != null && maxAge != null && minAge > maxAge) {
            problems.add(new Problem("maxAge", "segment.invalid.minAboveMax"));
        }
        if (minEmployees != null && maxEmployees != null && minEmployees > maxEmployees) {
            problems.add(new Problem("maxEmployees", "segment.invalid.minAboveMax"));
        }
        if (minSpend != null && maxSpend != null && minSpend.compareTo(maxSpend) > 0) {
            problems.add(new Problem("maxSpend", "segment.invalid.minAboveMax"));
        }
        if (lastPurchaseFrom != null && lastPurchaseTo != null && lastPurchaseFrom.isAfter(lastPurchaseTo)) {
            problems.add(new Problem("lastPurchaseTo", "segment.invalid.dateOrder"));
        }
        if (neverBought && usesPurchases()) {
            problems.add(new Problem("neverBought", "segment.invalid.neverBoughtWithPurchases"));
        }
        if ((campaignId == null) != (campaignFilter == null)) {
            problems.add(
                    new Problem(campaignId == null ? "campaignId" : "campaignFilter", "segment.invalid.campaignPair"));
        }
        if (tags.size() > MAX_TAGS) {
            problems.add(new Problem("tags", "segment.invalid.tooManyTags"));
        }
        if (tags.stream().anyMatch(t -> t.length() > 40)) {
            problems.add(new Problem("tags", "segment.invalid.tagTooLong"));
        }
        return problems;
    }

    /** A refused criterion: the form field and the message key of the reason. */
    public record Problem(String field, String messageKey) {}

    private static void nonNegative(List<Problem> problems, String field, @Nullable Integer value) {
        if (value != null && value < 0) {
            problems.add(new Problem(field, "segment.invalid.negative"));
        }
    }

    private static <T> List<T> distinct(@Nullable List<T> values) {
        return values == null
                ? List.of()
                : values.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** Tags are stored trimmed by the customer module (case kept); match them the same way. */
    private static List<String> normaliseTags(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(java.util.Objects::nonNull)
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .distinct()
                        .toList();
    }
}
