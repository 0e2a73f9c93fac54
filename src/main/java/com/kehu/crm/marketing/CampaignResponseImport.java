package com.kehu.crm.marketing;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.db.TextSearch;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a response list (CSV with a header: {@code customer_code} or {@code phone} or {@code email}, {@code response},
 * {@code date}) to the matching members of one campaign, in one set-based statement: a customer code matches the
 * members of that customer; a phone number (digits) or e-mail matches customers, contacts, leads and walk-in
 * prospects. Unreadable lines are reported with their line numbers and nothing of them is applied.
 */
@Component
@RequiredArgsConstructor
public class CampaignResponseImport {

    public static final int MAX_LINES = 20_000;
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

    private static final String APPLY = """
            with input as (
                select * from unnest(:lines::int[], :codes::text[], :phones::text[], :emails::text[], :responses::text[],
                                     :dates::date[]) as i(line, code, phone, email, response, on_date)
            ), matches as (
                select i.line, m.id as member_id, i.response, i.on_date
                from input i join customer cu on cu.code = i.code
                join campaign_member m on m.campaign_id = :campaign and m.customer_id = cu.id
                union
                select i.line, m.id, i.response, i.on_date
                from input i join customer cu on cu.phone_digits = i.phone
                join campaign_member m on m.campaign_id = :campaign and m.member_type = 'CUSTOMER'
                    and m.customer_id = cu.id
                union
                select i.line, m.id, i.response, i.on_date
                from input i join contact ct on ct.phone_digits = i.phone
                join campaign_member m on m.campaign_id = :campaign and m.contact_id = ct.id
                union
                select i.line, m.id, i.response, i.on_date
                from input i join lead l on l.phone_digits = i.phone
                join campaign_member m on m.campaign_id = :campaign and m.lead_id = l.id
                union
                select i.line, m.id, i.response, i.on_date
                from input i join customer cu on lower(cu.email) = i.email
                join campaign_member m on m.campaign_id = :campaign and m.member_type = 'CUSTOMER'
                    and m.customer_id = cu.id
                union
                select i.line, m.id, i.response, i.on_date
                from input i join contact ct on lower(ct.email) = i.email
                join campaign_member m on m.campaign_id = :campaign and m.contact_id = ct.id
                union
                select i.line, m.id, i.response, i.on_date
                from input i join lead l on lower(l.email) = i.email
                join campaign_member m on m.campaign_id = :campaign and m.lead_id = l.id
                union
                select i.line, m.id, i.response, i.on_date
                from input i join campaign_member m on m.campaign_id = :campaign and m.member_type = 'PROSPECT'
                    and (regexp_replace(m.prospect_phone, '\\D', '', 'g') = i.phone
                         or lower(m.prospect_email) = i.email)
            ), per_member as (
                select member_id,
                       max(on_date) filter (where response = 'SENT') as sent_on,
                       max(on_date) filter (where response = 'RESPONDED') as responded_on,
                       max(on_date) filter (where response = 'ATTENDED') as attended_on,
                       max(array_position(array['TARGETED', 'SENT', 'RESPONDED', 'ATTENDED', 'CONVERTED'],
                                          response)) as rank
                from matches group by member_id
            ), applied as (
                update campaign_member m
                set sent_on = coalesce(p.sent_on, m.sent_on),
                    responded_on = coalesce(p.responded_on, m.responded_on),
                    attended_on = coalesce(p.attended_on, m.attended_on),
                    status = (array['TARGETED', 'SENT', 'RESPONDED', 'ATTENDED', 'CONVERTED'])[greatest(p.rank,
                        array_position(array['TARGETED', 'SENT', 'RESPONDED', 'ATTENDED', 'CONVERTED'], m.status))],
                    version = m.version + 1
                from per_member p where m.id = p.member_id
                returning m.id
            )
            select distinct line from matches order by line""";

    private final CampaignService service;
    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;

    private record Line(
            int number,
            @Nullable String code,
            @Nullable String phone,
            @Nullable String email,
            CampaignMemberStatus response,
            LocalDate on) {}

    @Transactional
    public CampaignImportResult apply(long campaignId, InputStream csv, CurrentUser user) throws IOException {
        service.loadForChange(campaignId, user);
        List<Line> lines = new ArrayList<>();
        List<CampaignImportResult.Invalid> invalid = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                return new CampaignImportResult(
                        0, List.of(), List.of(new CampaignImportResult.Invalid(1, "campaign.import.noHeader")));
            }
            List<String> header = split(headerLine.replace("\uFEFF", "")).stream()
                    .map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList();
            int code = header.indexOf("customer_code");
            int phone = header.indexOf("phone");
            int email = header.indexOf("email");
            int response = header.indexOf("response");
            int date = header.indexOf("date");
            if (response < 0 || (code < 0 && phone < 0 && email < 0)) {
                return new CampaignImportResult(
                        0, List.of(), List.of(new CampaignImportResult.Invalid(1, "campaign.import.noHeader")));
            }
            String text;
            int number = 1;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                if (number > MAX_LINES + 1) {
                    invalid.add(new CampaignImportResult.Invalid(number, "campaign.import.tooLong"));
                    break;
                }
                List<String> cells = split(text);
                String c = upper(cell(cells, code));
                String p = cell(cells, phone) == null ? null : TextSearch.digits(cell(cells, phone));
                String e =
                        cell(cells, email) == null ? null : cell(cells, email).toLowerCase(Locale.ROOT);
                if (c == null && (p == null || p.isEmpty()) && e == null) {
                    invalid.add(new CampaignImportResult.Invalid(number, "campaign.import.noKey"));
                    continue;
                }
                Optional<CampaignMemberStatus> status = cell(cells, response) == null
                        ? Optional.empty()
                        : CampaignMemberStatus.parseResponse(cell(cells, response));
                if (status.isEmpty()) {
                    invalid.add(new CampaignImportResult.Invalid(number, "campaign.import.badResponse"));
                    continue;
                }
                LocalDate on = parseDate(cell(cells, date));
                if (on == null) {
                    invalid.add(new CampaignImportResult.Invalid(number, "campaign.import.badDate"));
                    continue;
                }
                lines.add(new Line(number, c, p == null || p.isEmpty() ? null : p, e, status.get(), on));
            }
        }
        if (lines.isEmpty()) {
            return new CampaignImportResult(0, List.of(), invalid);
        }
        List<Integer> matched = jdbc.sql(APPLY)
                .param("campaign", campaignId)
                .param("lines", lines.stream().map(Line::number).toArray(Integer[]::new))
                .param("codes", lines.stream().map(Line::code).toArray(String[]::new))
                .param("phones", lines.stream().map(Line::phone).toArray(String[]::new))
                .param("emails", lines.stream().map(Line::email).toArray(String[]::new))
                .param("responses", lines.stream().map(l -> l.response().name()).toArray(String[]::new))
                .param("dates", lines.stream().map(l -> l.on().toString()).toArray(String[]::new))
                .query(Integer.class)
                .list();
        Set<Integer> applied = new HashSet<>(matched);
        List<Integer> unmatched = lines.stream()
                .map(Line::number)
                .filter(n -> !applied.contains(n))
                .toList();
        return new CampaignImportResult(applied.size(), unmatched, invalid);
    }

    private @Nullable LocalDate parseDate(@Nullable String text) {
        if (text == null) {
            return calendar.today();
        }
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, SLASHED)) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        return null;
    }

    private static @Nullable String cell(List<String> cells, int index) {
        if (index < 0 || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static @Nullable String upper(@Nullable String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    /** One CSV line: commas, double quotes around cells, doubled quotes inside them. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
