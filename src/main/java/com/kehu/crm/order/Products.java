package com.kehu.crm.order;

import com.kehu.crm.identity.CurrentUser;

/** Who may change the price list: managers and admins; every seller reads it. */
final class Products {

    private Products() {}

    static boolean canManage(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN, MANAGER -> true;
            case SALES_REP, SUPPORT_AGENT, MARKETER -> false;
        };
    }
}
