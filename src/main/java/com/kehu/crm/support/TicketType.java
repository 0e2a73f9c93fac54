package com.kehu.crm.support;

/** 投诉 / 咨询 / 服务请求 / 建议 / 维修. Complaints record compensation and the remedial action when resolved. */
public enum TicketType {
    COMPLAINT,
    INQUIRY,
    SERVICE_REQUEST,
    SUGGESTION,
    REPAIR
}
