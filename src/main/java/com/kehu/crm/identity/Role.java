package com.kehu.crm.identity;

/** One role per user. Managers and admins inherit the rights of the roles below them (see SecurityConfig). */
public enum Role {
    SALES_REP,
    SUPPORT_AGENT,
    MARKETER,
    MANAGER,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
