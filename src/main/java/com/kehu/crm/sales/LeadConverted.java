package com.kehu.crm.sales;

/**
 * A lead became (or was matched to) a customer. Published inside the converting transaction, so a synchronous
 * listener's writes (marketing links the campaign members that came from the lead) commit or roll back with it.
 */
public record LeadConverted(long leadId, long customerId, long convertedBy) {}
