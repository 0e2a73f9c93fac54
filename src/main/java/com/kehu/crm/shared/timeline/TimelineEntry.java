package com.kehu.crm.shared.timeline;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * One event on a customer's 360 timeline. {@code title} is resolved in the reader's language (its arguments may be
 * resolvables themselves, such as a stage label); {@code kind} picks the badge ({@code activity}, {@code stage},
 * {@code order}, …); {@code detail} is the user's own text, shown as typed.
 */
public record TimelineEntry(
        Instant at,
        String kind,
        MessageSourceResolvable title,
        @Nullable String detail,
        @Nullable String actorName,
        @Nullable String link) {}
