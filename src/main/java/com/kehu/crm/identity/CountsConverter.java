package com.kehu.crm.identity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A handover's counts per kind as a JSON object in a jsonb column. */
@Converter
class CountsConverter implements AttributeConverter<Map<String, Integer>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Integer>> MAP = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(Map<String, Integer> attribute) {
        return JSON.writeValueAsString(attribute == null ? Map.of() : attribute);
    }

    @Override
    public Map<String, Integer> convertToEntityAttribute(String dbData) {
        return dbData == null || dbData.isBlank() ? new LinkedHashMap<>() : JSON.readValue(dbData, MAP);
    }
}
