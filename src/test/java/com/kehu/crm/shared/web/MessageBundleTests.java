package com.kehu.crm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.ProfileSchema;
import com.kehu.crm.customer.Region;
import com.kehu.crm.customer.RelationCategory;
import com.kehu.crm.identity.Language;
import com.kehu.crm.identity.Role;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every screen string exists in English and Simplified Chinese. */
class MessageBundleTests {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");
    private static final Pattern DYNAMIC_PREFIX = Pattern.compile("#\\{'([A-Za-z][A-Za-z0-9_.]*\\.)' \\+");

    private final Properties english = load("messages.properties");
    private final Properties chinese = load("messages_zh_CN.properties");

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(keys(chinese))
                .as("keys missing from messages_zh_CN.properties")
                .containsAll(keys(english));
        assertThat(keys(english)).as("keys missing from messages.properties").containsAll(keys(chinese));
    }

    @Test
    void noTranslationIsEmptyOrLeftInEnglishWhereItShouldNotBe() {
        for (String key : keys(english)) {
            assertThat(english.getProperty(key)).as(key).isNotBlank();
            assertThat(chinese.getProperty(key)).as(key).isNotBlank();
        }
        assertThat(chinese.getProperty("customer.list.title")).isEqualTo("客户列表");
    }

    @Test
    void everyKeyWrittenInATemplateExists() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                Matcher m = LITERAL_KEY.matcher(html);
                while (m.find()) {
                    if (!english.containsKey(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumShownOnScreenHasALabel() {
        List<String> missing = new ArrayList<>();
        List<Class<? extends Enum<?>>> types = new ArrayList<>();
        // marketing (issue 5): campaigns
        types.addAll(List.of(
                com.kehu.crm.marketing.CampaignType.class,
                com.kehu.crm.marketing.CampaignStatus.class,
                com.kehu.crm.marketing.ExpenseCategory.class,
                com.kehu.crm.marketing.ShowKind.class,
                com.kehu.crm.marketing.CampaignMemberType.class,
                com.kehu.crm.marketing.CampaignMemberStatus.class,
                com.kehu.crm.marketing.CampaignTaskPhase.class,
                com.kehu.crm.marketing.AttributionRule.class));

        // marketing (issue 5): segments
        types.addAll(List.of(com.kehu.crm.marketing.SegmentCampaignFilter.class));
        types.addAll(List.of(com.kehu.crm.marketing.SegmentSnapshotView.SnapshotStatus.class));

        // marketing (issue 5): customer care and reorder
        types.addAll(List.of(com.kehu.crm.marketing.CareKind.class, com.kehu.crm.marketing.CareTaskState.class));

        // data in and out (issue 6): exports
        types.addAll(List.of());

        // data in and out (issue 6): audit trail
        types.addAll(
                List.of(com.kehu.crm.shared.audit.AuditEventKind.class, com.kehu.crm.shared.audit.AuditedType.class));

        // data in and out (issue 6): duplicates and merge
        types.addAll(List.of());

        // data in and out (issue 6): import
        types.addAll(List.of(
                com.kehu.crm.dataio.ImportStatus.class,
                com.kehu.crm.dataio.OnDuplicate.class,
                com.kehu.crm.dataio.ImportType.class));

        // analytics (issue 7): the parameters screen
        types.addAll(List.of(com.kehu.crm.analytics.ClvTimeUnit.class));

        for (Class<? extends Enum<?>> type : types) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String key = type.getSimpleName() + "." + constant.name();
                if (!english.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        for (Class<? extends Enum<?>> type : List.of(
                CustomerKind.class,
                CustomerStatus.class,
                CustomerSource.class,
                Importance.class,
                Industry.class,
                Region.class,
                RelationCategory.class,
                Role.class,
                Language.class,
                com.kehu.crm.contact.ContactChannel.class,
                com.kehu.crm.order.OrderStatus.class,
                com.kehu.crm.order.PaymentMethod.class,
                com.kehu.crm.customer.PurchaseStage.class,
                com.kehu.crm.sales.PipelineStage.class,
                com.kehu.crm.sales.OpportunityType.class,
                com.kehu.crm.sales.PipelineScope.class,
                com.kehu.crm.sales.LeadStatus.class,
                com.kehu.crm.sales.LeadSource.class,
                com.kehu.crm.sales.ProspectList.class,
                com.kehu.crm.sales.LeadView.class,
                com.kehu.crm.activity.ActivityType.class,
                com.kehu.crm.support.TicketStatus.class,
                com.kehu.crm.support.TicketPriority.class,
                com.kehu.crm.support.TicketType.class,
                com.kehu.crm.support.TicketChannel.class,
                com.kehu.crm.support.TicketView.class,
                com.kehu.crm.support.EscalationAction.class,
                com.kehu.crm.support.EscalationKind.class,
                com.kehu.crm.survey.SurveyChannel.class,
                com.kehu.crm.survey.InvitationStatus.class,
                com.kehu.crm.support.CallDirection.class,
                com.kehu.crm.support.CallOutcome.class,
                com.kehu.crm.customer.RetentionFlag.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String key = type.getSimpleName() + "." + constant.name();
                if (!english.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        for (CustomerKind kind : CustomerKind.values()) {
            for (ProfileSchema.Section section : ProfileSchema.sectionsFor(kind)) {
                if (!english.containsKey(section.messageKey())) {
                    missing.add(section.messageKey());
                }
                section.fields().stream()
                        .map(ProfileSchema.Field::messageKey)
                        .filter(k -> !english.containsKey(k))
                        .forEach(missing::add);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyDynamicKeyPrefixInTemplatesIsUsedByTheBundle() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = DYNAMIC_PREFIX.matcher(Files.readString(file));
                while (m.find()) {
                    prefixes.add(m.group(1));
                }
            }
        }
        assertThat(prefixes).isNotEmpty();
        for (String prefix : prefixes) {
            assertThat(keys(english)).as(prefix).anyMatch(k -> k.startsWith(prefix));
        }
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
