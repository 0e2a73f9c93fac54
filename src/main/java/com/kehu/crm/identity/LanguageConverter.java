package com.kehu.crm.identity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

@Converter
class LanguageConverter implements AttributeConverter<@Nullable Language, @Nullable String> {

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable Language language) {
        return language == null ? null : language.tag();
    }

    @Override
    public @Nullable Language convertToEntityAttribute(@Nullable String tag) {
        return Language.fromTag(tag);
    }
}
