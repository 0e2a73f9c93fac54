package com.kehu.crm.customer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declared schema of the JSONB profile document (CATALOG 1.2): the sections of an individual's and an
 * enterprise's customer file and the fields in each. Keys are {@code section.field}; message keys are
 * {@code profile.section.field}. Anything not declared here is dropped on save.
 */
public final class ProfileSchema {

    public enum FieldType {
        TEXT,
        LONG_TEXT,
        DATE,
        NUMBER
    }

    public record Field(String key, FieldType type) {
        public String messageKey() {
            return "profile." + key;
        }

        /** The message key of the problem with the value, if any. */
        public Optional<String> problemWith(String value) {
            if (value.length() > (type == FieldType.LONG_TEXT ? 2000 : 200)) {
                return Optional.of("profile.invalid.tooLong");
            }
            try {
                switch (type) {
                    case DATE -> LocalDate.parse(value);
                    case NUMBER -> new java.math.BigDecimal(value);
                    default -> {}
                }
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("profile.invalid.date");
            } catch (NumberFormatException e) {
                return Optional.of("profile.invalid.number");
            }
        }
    }

    public record Section(String key, List<Field> fields) {
        public String messageKey() {
            return "profile.section." + key;
        }
    }

    private static final List<Section> INDIVIDUAL = List.of(
            section(
                    "basic",
                    text("basic.gender"),
                    date("basic.birthday"),
                    text("basic.hometown"),
                    text("basic.wechat")),
            section(
                    "consumption",
                    number("consumption.monthlySpend"),
                    text("consumption.preferredChannel"),
                    text("consumption.brandPreference"),
                    number("consumption.householdSize")),
            section("career", text("career.employer"), text("career.jobTitle"), text("career.incomeBand")),
            section("family", text("family.maritalStatus"), number("family.children"), longText("family.notes")),
            section("lifestyle", text("lifestyle.hobbies"), longText("lifestyle.notes")),
            section("education", text("education.level"), text("education.school")),
            section("personality", text("personality.traits"), longText("personality.notes")),
            section("social", text("social.circles"), longText("social.influence")));

    private static final List<Section> ENTERPRISE = List.of(
            section(
                    "basic",
                    text("basic.legalName"),
                    text("basic.registrationNo"),
                    number("basic.foundedYear"),
                    text("basic.website"),
                    number("basic.employees")),
            section(
                    "characteristics",
                    text("characteristics.ownership"),
                    text("characteristics.marketPosition"),
                    longText("characteristics.culture")),
            section(
                    "business",
                    number("business.annualRevenue"),
                    text("business.mainProducts"),
                    text("business.competitors")),
            section(
                    "transaction",
                    text("transaction.creditRating"),
                    text("transaction.paymentTerms"),
                    longText("transaction.notes")),
            section(
                    "responsible",
                    text("responsible.name"),
                    text("responsible.title"),
                    text("responsible.phone"),
                    longText("responsible.notes")));

    private ProfileSchema() {}

    public static List<Section> sectionsFor(CustomerKind kind) {
        return kind == CustomerKind.INDIVIDUAL ? INDIVIDUAL : ENTERPRISE;
    }

    public static Optional<Field> field(CustomerKind kind, String key) {
        return sectionsFor(kind).stream()
                .flatMap(s -> s.fields().stream())
                .filter(f -> f.key().equals(key))
                .findFirst();
    }

    /** Keeps the declared, non-blank fields of the kind, trimmed, in schema order. */
    public static Map<String, String> clean(CustomerKind kind, Map<String, String> values) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        for (Section section : sectionsFor(kind)) {
            for (Field field : section.fields()) {
                String value = values.get(field.key());
                if (value != null && !value.isBlank()) {
                    cleaned.put(field.key(), value.strip());
                }
            }
        }
        return cleaned;
    }

    private static Section section(String key, Field... fields) {
        return new Section(key, List.of(fields));
    }

    private static Field text(String key) {
        return new Field(key, FieldType.TEXT);
    }

    private static Field longText(String key) {
        return new Field(key, FieldType.LONG_TEXT);
    }

    private static Field date(String key) {
        return new Field(key, FieldType.DATE);
    }

    private static Field number(String key) {
        return new Field(key, FieldType.NUMBER);
    }
}
