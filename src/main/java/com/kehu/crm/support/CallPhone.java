package com.kehu.crm.support;

/**
 * A phone number as typed or shown by the switchboard ("+86 138-0013-8000", "0086 13800138000", "021 5555 1234")
 * reduced to the national digits that customer and contact records store ({@code phone_digits}).
 */
public final class CallPhone {

    private CallPhone() {}

    public static String nationalDigits(String typed) {
        String digits = typed.replaceAll("\\D", "");
        String stripped = typed.strip();
        if (digits.startsWith("0086")) {
            return digits.substring(4);
        }
        if (digits.startsWith("86") && (stripped.startsWith("+") || digits.length() == 13)) {
            return digits.substring(2);
        }
        return digits;
    }
}
