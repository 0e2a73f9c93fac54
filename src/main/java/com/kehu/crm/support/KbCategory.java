package com.kehu.crm.support;

/** A ticket category (reference data of the ticket table) as the knowledge base files articles under it. */
public record KbCategory(long id, String code, String nameEn, String nameZh) {}
