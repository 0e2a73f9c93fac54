package com.kehu.crm.marketing;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who works with segments: marketers and those above them. They see every customer in a segment, but only the
 * marketing fields ({@link SegmentCustomer}); the URL rules say the same, this is the service's own check.
 */
final class SegmentAccess {

    private static final Set<Role> ALLOWED = Set.of(Role.MARKETER, Role.MANAGER, Role.ADMIN);

    private SegmentAccess() {}

    static void require(CurrentUser user) {
        if (!ALLOWED.contains(user.role())) {
            throw new AccessDeniedException("Segments are for marketers");
        }
    }
}
