package com.kehu.crm.shared.web;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field that differs between the saved record and the user's input, for an optimistic-lock conflict page; enum
 * values carry the message-key prefix ({@code Region}, {@code CampaignType}, ...) so the page can translate them.
 */
public record ConflictRow(
        String field,
        @Nullable String theirs,
        @Nullable String mine,
        @Nullable String enumPrefix) {

    /** Adds a row to {@code changed} when the two values differ; blank and missing count as the same. */
    public static void addIfChanged(
            List<ConflictRow> changed,
            String field,
            @Nullable Object theirs,
            @Nullable Object mine,
            @Nullable String enumPrefix) {
        String a = theirs == null || theirs.toString().isBlank() ? null : theirs.toString();
        String b = mine == null || mine.toString().isBlank() ? null : mine.toString();
        if (!Objects.equals(a, b)) {
            changed.add(new ConflictRow(field, a, b, enumPrefix));
        }
    }
}
