package com.kehu.crm.dataio;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One customer of a cluster as the cluster screen compares them: the fields a merge can take, and its version. */
public record DuplicateClusterMember(
        long id,
        String code,
        String name,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String address,
        @Nullable String region,
        @Nullable String industry,
        @Nullable String source,
        String relationCategory,
        String importance,
        String status,
        long ownerId,
        String ownerName,
        List<String> tags,
        int profileFields,
        long version) {

    /** A field's value as the screen shows it (enums as their names; the template labels them). */
    public @Nullable Object value(String field) {
        return switch (field) {
            case "name" -> name;
            case "phone" -> phone;
            case "email" -> email;
            case "address" -> address;
            case "region" -> region;
            case "industry" -> industry;
            case "source" -> source;
            case "relationCategory" -> relationCategory;
            case "importance" -> importance;
            case "status" -> status;
            case "owner" -> ownerName;
            case "tags" -> tags.isEmpty() ? null : String.join(", ", tags);
            case "profile" -> profileFields == 0 ? null : profileFields;
            default -> null;
        };
    }
}
