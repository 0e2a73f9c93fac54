package com.kehu.crm.marketing;

import java.io.Serializable;
import java.util.List;

/**
 * What a response import did: lines applied to members, lines that matched no member of the campaign, and lines that
 * could not be read (with the message key of the reason).
 */
public record CampaignImportResult(int applied, List<Integer> unmatched, List<Invalid> invalid)
        implements Serializable {

    public record Invalid(int line, String reasonKey) implements Serializable {}
}
