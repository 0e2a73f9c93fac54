package com.kehu.crm.marketing.web;

import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.Region;
import com.kehu.crm.marketing.SegmentCampaignFilter;
import com.kehu.crm.marketing.SegmentCriteria;
import com.kehu.crm.marketing.SegmentData;
import com.kehu.crm.marketing.SegmentView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/** The segment builder's fields. Bound field by field; tags are typed comma-separated. */
@Getter
@Setter
public class SegmentForm {

    @NotBlank
    @Size(max = 100)
    private String name = "";

    @Size(max = 1000)
    private @Nullable String description;

    private List<CustomerKind> kinds = new ArrayList<>();
    private List<Industry> industries = new ArrayList<>();
    private List<Region> regions = new ArrayList<>();
    private List<CustomerSource> sources = new ArrayList<>();
    private List<CustomerStatus> statuses = new ArrayList<>();
    private List<Importance> importances = new ArrayList<>();
    private @Nullable Long ownerId;
    private @Nullable Long teamId;
    private @Nullable String tags;
    private @Nullable Integer minAge;
    private @Nullable Integer maxAge;
    private @Nullable Integer minEmployees;
    private @Nullable Integer maxEmployees;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate lastPurchaseFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate lastPurchaseTo;

    private @Nullable Integer noPurchaseForDays;
    private @Nullable BigDecimal minSpend;
    private @Nullable BigDecimal maxSpend;
    private @Nullable Integer dueToReorderWithinDays;
    private boolean winBack;
    private boolean neverBought;
    private boolean includeArchived;
    private @Nullable Long campaignId;
    private @Nullable SegmentCampaignFilter campaignFilter;
    private long version;

    public static SegmentForm of(SegmentView segment) {
        SegmentForm form = new SegmentForm();
        form.name = segment.name();
        form.description = segment.description();
        form.version = segment.version();
        SegmentCriteria k = segment.criteria();
        form.kinds = new ArrayList<>(k.kinds());
        form.industries = new ArrayList<>(k.industries());
        form.regions = new ArrayList<>(k.regions());
        form.sources = new ArrayList<>(k.sources());
        form.statuses = new ArrayList<>(k.statuses());
        form.importances = new ArrayList<>(k.importances());
        form.ownerId = k.ownerId();
        form.teamId = k.teamId();
        form.tags = k.tags().isEmpty() ? null : String.join(", ", k.tags());
        form.minAge = k.minAge();
        form.maxAge = k.maxAge();
        form.minEmployees = k.minEmployees();
        form.maxEmployees = k.maxEmployees();
        form.lastPurchaseFrom = k.lastPurchaseFrom();
        form.lastPurchaseTo = k.lastPurchaseTo();
        form.noPurchaseForDays = k.noPurchaseForDays();
        form.minSpend = k.minSpend();
        form.maxSpend = k.maxSpend();
        form.dueToReorderWithinDays = k.dueToReorderWithinDays();
        form.winBack = k.winBack();
        form.neverBought = k.neverBought();
        form.includeArchived = k.includeArchived();
        form.campaignId = k.campaignId();
        form.campaignFilter = k.campaignFilter();
        return form;
    }

    public SegmentCriteria toCriteria() {
        List<String> tagList = tags == null
                ? List.of()
                : Arrays.stream(tags.split("[,，]"))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
        return new SegmentCriteria(
                kinds,
                industries,
                regions,
                sources,
                statuses,
                importances,
                ownerId,
                teamId,
                tagList,
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
                winBack,
                neverBought,
                includeArchived,
                campaignId,
                campaignFilter);
    }

    public SegmentData toData() {
        return new SegmentData(name, description, toCriteria());
    }

    /** Adds the criteria's own rules (min above max, negative numbers…) to the binding result, next to the fields. */
    public void validateCriteria(BindingResult result) {
        for (SegmentCriteria.Problem problem : toCriteria().problems()) {
            if (!result.hasFieldErrors(problem.field())) {
                result.rejectValue(problem.field(), problem.messageKey());
            }
        }
    }
}
