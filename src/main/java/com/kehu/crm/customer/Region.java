package com.kehu.crm.customer;

/** Sales regions of mainland China plus the rest of the world. */
public enum Region {
    EAST,
    NORTH,
    SOUTH,
    CENTRAL,
    SOUTHWEST,
    NORTHWEST,
    NORTHEAST,
    HK_MACAU_TAIWAN,
    OVERSEAS
}
