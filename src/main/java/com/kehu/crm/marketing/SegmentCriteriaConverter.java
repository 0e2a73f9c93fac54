package com.kehu.crm.marketing;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The criteria as JSON text (the column is jsonb; the write is cast, see Segment.criteria). */
@Converter
class SegmentCriteriaConverter implements AttributeConverter<SegmentCriteria, String> {

    // empty values are left out; unknown keys (a criterion since removed) are ignored rather than failing the read
    static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public String convertToDatabaseColumn(SegmentCriteria attribute) {
        return write(attribute == null ? SegmentCriteria.none() : attribute);
    }

    @Override
    public SegmentCriteria convertToEntityAttribute(String dbData) {
        return read(dbData);
    }

    static String write(SegmentCriteria criteria) {
        return JSON.writeValueAsString(criteria);
    }

    static SegmentCriteria read(String json) {
        return json == null || json.isBlank() ? SegmentCriteria.none() : JSON.readValue(json, SegmentCriteria.class);
    }
}
