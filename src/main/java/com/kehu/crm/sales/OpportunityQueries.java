package com.kehu.crm.sales;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads opportunities: one deal, the board, the list, the forecast. The record rule is part of every statement. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class OpportunityQueries {

    private final JdbcClient jdbc;
    private final CustomerAccess access;

    /** A deal the user may see, or empty (then it is "not found" to them). */
    public Optional<OpportunityRef> ref(long id, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        return jdbc.sql("""
                        select id, customer_id, name, amount, currency, stage, owner_id
                        from opportunity where id = :id""")
                .param("id", id)
                .query((rs, n) -> new OpportunityRef(
                        rs.getLong("id"),
                        rs.getLong("customer_id"),
                        rs.getString("name"),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency"),
                        PipelineStage.valueOf(rs.getString("stage")),
                        rs.getLong("owner_id")))
                .optional()
                .filter(o -> scope.includes(o.ownerId()));
    }
}
