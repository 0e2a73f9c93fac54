package com.kehu.crm.sales;

/**
 * What the user may do with one lead, for the buttons of the detail page. The services check the same rules again;
 * hiding a button is a courtesy, not the guard.
 */
public record LeadActions(
        boolean claim,
        boolean release,
        boolean work,
        boolean assign,
        boolean confirm,
        boolean convert,
        boolean edit,
        boolean delete,
        boolean confirmationRequired) {}
