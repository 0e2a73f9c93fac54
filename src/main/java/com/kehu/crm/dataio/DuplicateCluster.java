package com.kehu.crm.dataio;

/**
 * A group of customers with the same normalised name in one region (individuals: and a second signal), listed once
 * for review. {@code size} counts the live members the user sees, which are all of them (see {@link Duplicates}).
 */
public record DuplicateCluster(long id, String reason, String region, String kind, String name, int size) {}
