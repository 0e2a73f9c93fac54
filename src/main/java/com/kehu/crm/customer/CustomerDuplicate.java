package com.kehu.crm.customer;

/**
 * An existing customer that may be the same party as a new one (another module's lead, an import), with the fields
 * that matched. The caller decides how much of it the user may see.
 */
public record CustomerDuplicate(
        long id,
        String code,
        String name,
        long ownerId,
        String ownerName,
        boolean nameMatched,
        boolean phoneMatched,
        boolean emailMatched) {}
