package com.kehu.crm.sales;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead's record rule for other modules (activities on a lead follow it): pool leads are visible to every
 * seller, a private lead to its owner's scope (the owner, their manager, admins). Nobody else sees leads.
 */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class LeadVisibility {

    private final JdbcClient jdbc;
    private final UserQueries users;

    /** A lead as other modules name it. */
    public record VisibleLead(
            long id, String name, @Nullable Long ownerId, boolean open) {}

    public Optional<VisibleLead> find(long leadId, CurrentUser user) {
        if (!isSeller(user)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, coalesce(company_name, contact_name) as name, owner_id, status
                        from lead where id = :id""")
                .param("id", leadId)
                .query((rs, n) -> new VisibleLead(
                        rs.getLong("id"),
                        rs.getString("name"),
                        (Long) rs.getObject("owner_id", Long.class),
                        LeadStatus.valueOf(rs.getString("status")).isOpen()))
                .optional()
                .filter(l -> l.ownerId() == null || users.ownerScope(user).includes(l.ownerId()));
    }

    public boolean isVisible(long leadId, CurrentUser user) {
        return find(leadId, user).isPresent();
    }

    private static boolean isSeller(CurrentUser user) {
        return switch (user.role()) {
            case SALES_REP, MANAGER, ADMIN -> true;
            case SUPPORT_AGENT, MARKETER -> false;
        };
    }
}
