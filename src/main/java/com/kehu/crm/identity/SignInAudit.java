package com.kehu.crm.identity;

import com.kehu.crm.shared.audit.AuditEvent;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Sign-ins for the audit log. A success is logged for interactive (form) sign-ins only: the API authenticates every
 * request with HTTP Basic, which would log one "sign-in" per call. Failures are logged for both, as typed, since a
 * run of failed API calls is exactly what an admin wants to see. Each event commits in its own transaction.
 */
@Component
@RequiredArgsConstructor
class SignInAudit {

    private final AuditLog audit;

    @EventListener
    void onSuccess(InteractiveAuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        Long id = authentication.getPrincipal() instanceof CrmUserDetails details
                ? details.currentUser().id()
                : null;
        audit.record(AuditEvent.of(AuditEventKind.LOGIN_SUCCESS, id, authentication.getName(), "Signed in")
                .with(AuditLog.facts("channel", "form")));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String typed = username == null ? "" : username.length() > 100 ? username.substring(0, 100) : username;
        String reason = event.getException().getClass().getSimpleName().replace("Exception", "");
        audit.record(AuditEvent.of(AuditEventKind.LOGIN_FAILURE, null, typed, "Sign-in failed: " + reason)
                .with(AuditLog.facts("reason", reason)));
    }
}
