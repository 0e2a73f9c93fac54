package com.kehu.crm.shared.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows its own URL (the language switcher returns to it). */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class CurrentUrlAdvice {

    @ModelAttribute("currentUrl")
    String currentUrl() {
        return Urls.current();
    }
}
