package com.kehu.crm.shared.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Flash messages are message keys, rendered by fragments/alerts in the user's language. */
public final class Flash {

    private Flash() {}

    public static void success(RedirectAttributes attributes, String messageKey) {
        attributes.addFlashAttribute("flashSuccess", messageKey);
    }

    public static void error(RedirectAttributes attributes, String messageKey) {
        attributes.addFlashAttribute("flashError", messageKey);
    }
}
