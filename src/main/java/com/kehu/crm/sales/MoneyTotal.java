package com.kehu.crm.sales;

import java.math.BigDecimal;

/** A sum in one currency; totals over deals in several currencies are lists of these, never added across. */
public record MoneyTotal(String currency, BigDecimal amount) {}
