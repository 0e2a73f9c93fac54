package com.kehu.crm.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/** After sign-in the screens switch to the user's saved language; without one the browser's stays in charge. */
class LanguageRestoringSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    LanguageRestoringSuccessHandler() {
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof CrmUserDetails user && user.getLanguage() != null) {
            request.getSession()
                    .setAttribute(
                            SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME,
                            user.getLanguage().locale());
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
