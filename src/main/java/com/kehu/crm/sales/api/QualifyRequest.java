package com.kehu.crm.sales.api;

import org.jspecify.annotations.Nullable;

/** The three questions of CATALOG 4.3; an absent answer is "not known yet". */
public record QualifyRequest(
        @Nullable Boolean willingToBuy,
        @Nullable Boolean ableToPay,
        @Nullable Boolean hasAuthority) {}
