package com.kehu.crm.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kehu.crm.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail's writer: events with their facts, field changes only with the change's transaction. */
@IntegrationTest
class AuditLogTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void recordsAnEventWithItsFacts() {
        long entity = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        audit.record(AuditEvent.of(AuditEventKind.EXPORT, null, "marketer1", "Exported 2 customers")
                .about("SEGMENT", entity)
                .with(AuditLog.facts("rows", 2, "format", "CSV")));

        Map<String, Object> row = jdbc.sql("""
                        select kind, actor_name, summary, details->>'rows' as rows, details->>'format' as format
                        from audit_event where entity_type = 'SEGMENT' and entity_id = ?""").param(entity).query().singleRow();
        assertThat(row)
                .containsEntry("kind", "EXPORT")
                .containsEntry("actor_name", "marketer1")
                .containsEntry("summary", "Exported 2 customers")
                .containsEntry("rows", "2")
                .containsEntry("format", "CSV");
    }

    @Test
    void keepsOnlyTheFieldsThatChangedAndGroupsThemByTransaction() {
        long entity = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        tx.executeWithoutResult(s -> audit.changes(
                AuditedType.CUSTOMER,
                entity,
                null,
                List.of(
                        new FieldChange("name", "华东机械", "华东机械集团"),
                        new FieldChange("phone", "", null),
                        new FieldChange("region", "EAST", "EAST"),
                        new FieldChange("email", null, "sales@hd.example"))));

        List<Map<String, Object>> rows = jdbc.sql("""
                        select field, old_value, new_value, tx_id from audit_change
                        where entity_type = 'CUSTOMER' and entity_id = ? order by field""").param(entity).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("field")).containsExactly("email", "name");
        assertThat(rows.get(1)).containsEntry("old_value", "华东机械").containsEntry("new_value", "华东机械集团");
        assertThat(rows.get(0).get("tx_id")).isEqualTo(rows.get(1).get("tx_id"));
    }

    @Test
    void refusesToWriteHistoryOutsideTheChangesTransaction() {
        assertThatThrownBy(() -> audit.changes(
                        AuditedType.TICKET, 1L, null, List.of(new FieldChange("status", "NEW", "CLOSED"))))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
