package com.kehu.crm.dataio;

/**
 * What a file holds, and where the records an import of it touches are shown (undo refusals link to them; a payment's
 * record is its order).
 */
public enum ImportType {
    CUSTOMERS("/customers/"),
    ORDERS("/orders/"),
    CONTACTS("/contacts/"),
    LEADS("/leads/"),
    PRODUCTS("/products/"),
    PAYMENTS("/orders/");

    private final String recordPath;

    ImportType(String recordPath) {
        this.recordPath = recordPath;
    }

    /** The path of a record of this import, e.g. /contacts/42. */
    public String recordPath(long id) {
        return recordPath + id;
    }
}
