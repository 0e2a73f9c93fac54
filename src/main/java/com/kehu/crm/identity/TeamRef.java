package com.kehu.crm.identity;

public record TeamRef(long id, String name) {}
