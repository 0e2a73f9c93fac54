package com.kehu.crm.dataio;

import com.kehu.crm.customer.CustomerDetails;
import com.kehu.crm.customer.CustomerDetailsData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Which value of each field the kept customer ends up with. Per field the choice is {@code keep} (the kept
 * customer's value) or {@code merge} (the merged customer's); without a choice the kept value wins unless it is
 * empty. Tags and profile fields default to {@code both}: the union, the kept value first.
 */
public final class MergeFields {

    public static final List<String> FIELDS = List.of(
            "name",
            "phone",
            "email",
            "address",
            "region",
            "industry",
            "source",
            "relationCategory",
            "importance",
            "status",
            "owner",
            "tags",
            "profile");

    private MergeFields() {}

    /** The default choice per field: the kept value unless it is empty. */
    public static Map<String, String> defaults(CustomerDetails kept, CustomerDetails merged) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (field.equals("tags") || field.equals("profile")) {
                choices.put(field, "both");
            } else {
                choices.put(field, isEmpty(value(kept, field)) && !isEmpty(value(merged, field)) ? "merge" : "keep");
            }
        }
        return choices;
    }

    public static CustomerDetailsData chosen(
            CustomerDetails kept, CustomerDetails merged, Map<String, String> choices) {
        Map<String, String> c = new LinkedHashMap<>(defaults(kept, merged));
        choices.forEach((k, v) -> {
            if (c.containsKey(k) && (v.equals("keep") || v.equals("merge") || v.equals("both"))) {
                c.put(k, v);
            }
        });
        List<String> tags = switch (c.get("tags")) {
            case "merge" -> merged.tags();
            case "keep" -> kept.tags();
            default -> {
                LinkedHashSet<String> union = new LinkedHashSet<>(kept.tags());
                union.addAll(merged.tags());
                yield new ArrayList<>(union);
            }
        };
        Map<String, String> profile = switch (c.get("profile")) {
            case "merge" -> merged.profile();
            case "keep" -> kept.profile();
            default -> {
                Map<String, String> both = new LinkedHashMap<>(merged.profile());
                kept.profile().forEach((k, v) -> {
                    if (v != null && !v.isBlank()) {
                        both.put(k, v);
                    }
                });
                yield both;
            }
        };
        return new CustomerDetailsData(
                pick(c, "name", kept, merged, CustomerDetails::name),
                pick(c, "phone", kept, merged, CustomerDetails::phone),
                pick(c, "email", kept, merged, CustomerDetails::email),
                pick(c, "address", kept, merged, CustomerDetails::address),
                pick(c, "region", kept, merged, CustomerDetails::region),
                pick(c, "industry", kept, merged, CustomerDetails::industry),
                pick(c, "source", kept, merged, CustomerDetails::source),
                pick(c, "relationCategory", kept, merged, CustomerDetails::relationCategory),
                pick(c, "importance", kept, merged, CustomerDetails::importance),
                pick(c, "status", kept, merged, CustomerDetails::status),
                tags,
                profile);
    }

    /** The owner the kept customer ends up with. */
    public static long owner(CustomerDetails kept, CustomerDetails merged, Map<String, String> choices) {
        return "merge".equals(choices.get("owner")) ? merged.ownerId() : kept.ownerId();
    }

    /** A field's value as shown on the merge screen (enums as their names; the template labels them). */
    public static @Nullable Object value(CustomerDetails d, String field) {
        return switch (field) {
            case "name" -> d.name();
            case "phone" -> d.phone();
            case "email" -> d.email();
            case "address" -> d.address();
            case "region" -> d.region();
            case "industry" -> d.industry();
            case "source" -> d.source();
            case "relationCategory" -> d.relationCategory();
            case "importance" -> d.importance();
            case "status" -> d.status();
            case "owner" -> d.ownerName();
            case "tags" -> d.tags().isEmpty() ? null : String.join(", ", d.tags());
            case "profile" -> d.profile().isEmpty() ? null : d.profile().size();
            default -> null;
        };
    }

    private static <T> T pick(
            Map<String, String> c,
            String field,
            CustomerDetails kept,
            CustomerDetails merged,
            Function<CustomerDetails, T> get) {
        return "merge".equals(c.get(field)) ? get.apply(merged) : get.apply(kept);
    }

    private static boolean isEmpty(@Nullable Object value) {
        return value == null || value.toString().isBlank();
    }
}
