package com.kehu.crm.identity;

/** A user as other modules show them: in an owner column or a picker. */
public record UserRef(long id, String username, String displayName) {}
