package com.kehu.crm.dataio;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** One likely duplicate pair for the review list, with why it was found. */
public record DuplicatePair(
        long lowId,
        String lowCode,
        String lowName,
        @Nullable String lowRegion,
        long highId,
        String highCode,
        String highName,
        @Nullable String highRegion,
        boolean samePhone,
        boolean sameEmail,
        @Nullable BigDecimal nameScore,
        BigDecimal score) {}
