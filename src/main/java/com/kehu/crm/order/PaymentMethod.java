package com.kehu.crm.order;

/** How a payment (回款) was received. */
public enum PaymentMethod {
    BANK_TRANSFER,
    CASH,
    CARD,
    ALIPAY,
    WECHAT_PAY,
    CHEQUE
}
