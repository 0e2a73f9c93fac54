package com.kehu.crm.shared.db;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The pieces every search box shares: LIKE escaping, "is this a phone number?", and the name condition over the
 * bigram column that customer and contact tables both carry ({@code name_bigrams}, GIN-indexed, from the SQL
 * function {@code kehu_bigrams}). Conditions are constant SQL with named parameters; values go into {@code params}.
 */
public final class TextSearch {

    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9+()\\- ]+");

    private TextSearch() {}

    public static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Only a term that looks like a phone number searches phones ("C0000003" is a code, not a number). */
    public static boolean isPhoneLike(String term) {
        return PHONE_LIKE.matcher(term).matches() && digits(term).length() >= 3;
    }

    public static String digits(String term) {
        return term.replaceAll("\\D", "");
    }

    /**
     * Name contains the term (two characters or more: through the bigram index, rechecked with LIKE), or starts with
     * it (one character, such as a Chinese surname). {@code alias} is a table alias written in the caller's SQL.
     */
    public static String nameCondition(String alias, String lowerTerm, Map<String, Object> params) {
        if (lowerTerm.codePointCount(0, lowerTerm.length()) >= 2) {
            params.put("nameLower", lowerTerm);
            params.put("nameContains", "%" + escapeLike(lowerTerm) + "%");
            return "(" + alias + ".name_bigrams @> kehu_bigrams(:nameLower) and lower(" + alias
                    + ".name) like :nameContains escape '\\')";
        }
        params.put("namePrefix", escapeLike(lowerTerm) + "%");
        return "lower(" + alias + ".name) like :namePrefix escape '\\'";
    }
}
