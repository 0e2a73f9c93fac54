package com.kehu.crm.marketing;

import com.kehu.crm.customer.CustomerSource;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Acquisition by source (feature 34): customers won through a source, how many bought, and their revenue. */
public record SourceAcquisition(@Nullable CustomerSource source, long customers, long buyers, BigDecimal revenue) {

    public int buyerPercent() {
        return customers == 0 ? 0 : (int) Math.round(buyers * 100.0 / customers);
    }
}
