package com.kehu.crm.customer;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.identity.UserQueries;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Who sees and who changes which customers. Reps: their own; managers: their team's; admins: all; support agents
 * read all and change none; marketers none (they work on segments, not on customer records).
 */
@Component
@RequiredArgsConstructor
public class CustomerAccess {

    private final UserQueries users;

    public OwnerScope readScope(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN, SUPPORT_AGENT -> OwnerScope.everyone();
            case MANAGER, SALES_REP -> users.ownerScope(user);
            case MARKETER -> OwnerScope.nobody();
        };
    }

    public OwnerScope writeScope(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN, MANAGER, SALES_REP -> users.ownerScope(user);
            case SUPPORT_AGENT, MARKETER -> OwnerScope.nobody();
        };
    }

    /** Sellers and those above them; decided by role alone, so list pages need no extra query for the button. */
    public boolean canCreate(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN, MANAGER, SALES_REP -> true;
            case SUPPORT_AGENT, MARKETER -> false;
        };
    }
}
