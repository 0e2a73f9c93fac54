package com.kehu.crm.marketing;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How far a member responded; a response never moves a member back (recording "sent" after "attended" only fills in
 * the sent date).
 */
public enum CampaignMemberStatus {
    TARGETED,
    SENT,
    RESPONDED,
    ATTENDED,
    CONVERTED;

    private static final Map<String, CampaignMemberStatus> LABELS = Map.of(
            "已发送", SENT, "发送", SENT, "已回复", RESPONDED, "回复", RESPONDED, "已响应", RESPONDED, "响应", RESPONDED, "已参加",
            ATTENDED, "参加", ATTENDED, "到场", ATTENDED);

    /** The responses a list or a person can record; CONVERTED comes from converting to a lead. */
    public boolean isResponse() {
        return this == SENT || this == RESPONDED || this == ATTENDED;
    }

    public CampaignMemberStatus furthest(CampaignMemberStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** A response column of an imported list: the constant, its English label or its Chinese label. */
    public static Optional<CampaignMemberStatus> parseResponse(String text) {
        String t = text.strip();
        String upper = t.toUpperCase(Locale.ROOT);
        for (CampaignMemberStatus s : values()) {
            if (s.isResponse() && s.name().equals(upper)) {
                return Optional.of(s);
            }
        }
        return Optional.ofNullable(LABELS.get(t));
    }
}
