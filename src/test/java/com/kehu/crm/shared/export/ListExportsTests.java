package com.kehu.crm.shared.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.server.ResponseStatusException;

class ListExportsTests {

    enum Colour {
        RED
    }

    record Item(String name, Colour colour, boolean active, Instant at, LocalDate on, java.math.BigDecimal amount) {}

    static final List<ExportColumn<Item>> COLUMNS = List.of(
            ExportColumn.of("h.name", Item::name),
            ExportColumn.of("h.colour", Item::colour),
            ExportColumn.of("h.active", Item::active),
            ExportColumn.of("h.at", Item::at),
            ExportColumn.of("h.on", Item::on),
            ExportColumn.of("h.amount", Item::amount));

    final AuditLog audit = mock(AuditLog.class);
    final ListExports exports;

    ListExportsTests() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("h.name", Locale.ENGLISH, "Name");
        messages.addMessage("Colour.RED", Locale.ENGLISH, "Red");
        messages.addMessage("export.yes", Locale.ENGLISH, "Yes");
        messages.addMessage("export.no", Locale.ENGLISH, "No");
        messages.addMessage("export.xlsxTooManyRows", Locale.ENGLISH, "Too many rows for Excel; export as CSV.");
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T01:00:00Z"), ZoneOffset.UTC);
        exports = new ListExports(audit, messages, new BusinessCalendar(clock, "Asia/Shanghai"));
        org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    static Item item(String name) {
        return new Item(
                name,
                Colour.RED,
                true,
                Instant.parse("2026-11-24T01:02:03.456Z"),
                LocalDate.of(2026, 11, 30),
                new java.math.BigDecimal("1234.50"));
    }

    @Test
    void writesPlainCellsWithTranslatedLabelsAndRecordsTheExport() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        exports.write(
                response,
                ExportFormat.CSV,
                "things",
                COLUMNS,
                7L,
                "rep1",
                ListExports.filters("q", "=x", "status", null, "kind", Colour.RED),
                sink -> {
                    sink.accept(item("=cmd"));
                    sink.accept(item("plain"));
                });
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"things-2026-11-24.csv\"");
        List<String> lines = response.getContentAsString(StandardCharsets.UTF_8)
                .substring(1)
                .lines()
                .toList();
        assertThat(lines)
                .containsExactly(
                        "Name,h.colour,h.active,h.at,h.on,h.amount",
                        "'=cmd,Red,Yes,2026-11-24T09:02:03,2026-11-30,1234.50",
                        "plain,Red,Yes,2026-11-24T09:02:03,2026-11-30,1234.50");
        verify(audit)
                .record(argThat(e -> e.kind() == AuditEventKind.EXPORT
                        && e.actorId() == 7L
                        && "rep1".equals(e.actorName())
                        && e.details().get("rows").equals(2L)
                        && "CSV".equals(e.details().get("format"))
                        && "things".equals(e.details().get("list"))
                        && Boolean.TRUE.equals(e.details().get("complete"))
                        && Map.of("q", "=x", "kind", "RED").equals(e.details().get("filters"))));
    }

    @Test
    void anXlsxBeyondTheSheetLimitSendsNothingButAMessageSuggestingCsv() throws Exception {
        exports.xlsxMaxRows = 2;
        MockHttpServletResponse response = new MockHttpServletResponse();
        exports.write(response, ExportFormat.XLSX, "things", COLUMNS, 7L, "rep1", Map.of(), sink -> {
            for (int i = 0; i < 5; i++) {
                sink.accept(item("row " + i));
            }
        });
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentType()).startsWith("text/plain");
        assertThat(response.getHeader("Content-Disposition")).isNull();
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("CSV");
        verify(audit)
                .record(argThat(e -> e.details().get("rows").equals(2L)
                        && Boolean.FALSE.equals(e.details().get("complete"))));
    }

    @Test
    void onlyCsvAndXlsxAreFormats() {
        assertThat(ListExports.format("XLSX")).isEqualTo(ExportFormat.XLSX);
        assertThatThrownBy(() -> ListExports.format("pdf")).isInstanceOf(ResponseStatusException.class);
    }
}
