package com.kehu.crm.identity;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The languages the screens are translated into. */
public enum Language {
    EN("en", Locale.ENGLISH),
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public static @Nullable Language fromTag(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag) || language.name().equalsIgnoreCase(tag)) {
                return language;
            }
        }
        return tag.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH_CN : EN;
    }
}
