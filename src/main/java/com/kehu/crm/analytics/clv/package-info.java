/**
 * The probability models behind customer lifetime value: BG/NBD (Fader, Hardie and Lee 2005, "Counting your customers
 * the easy way") for how often a customer buys and whether they are still active, and Gamma-Gamma (Fader and Hardie
 * 2013) for how much they spend per purchase, each fitted by maximum likelihood. Pure Java, no database: the
 * analytics service feeds them per-customer summaries computed in SQL.
 */
@NullMarked
package com.kehu.crm.analytics.clv;

import org.jspecify.annotations.NullMarked;
