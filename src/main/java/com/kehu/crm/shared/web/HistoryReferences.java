package com.kehu.crm.shared.web;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Names for history values that are references (a user id in "owner", a category id in a ticket's "category"), so
 * the History tab shows 王芳, not 42. The owning module implements it; {@link HistoryViews} asks once per field and
 * page, never once per row. Resolved when shown, so a renamed user shows their current name.
 */
public interface HistoryReferences {

    /** Whether this resolver names the values of {@code field} in the history of records labelled {@code prefix}. */
    boolean supports(String prefix, String field);

    /** Value (as stored in the history) to its display name; values it does not know are left out. */
    Map<String, String> labels(String prefix, String field, Collection<String> values, Locale locale);
}
