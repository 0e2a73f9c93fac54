package com.kehu.crm.identity;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads the principal from the identity tables; the team is fetched with the user so no lazy load follows. */
@Service
@RequiredArgsConstructor
class CrmUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    @Override
    @Transactional(readOnly = true)
    public CrmUserDetails loadUserByUsername(String username) {
        User user = users.findForLogin(User.normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
        return new CrmUserDetails(
                user.getId(),
                user.getUsername(),
                user.getDisplayName(),
                user.getRole(),
                user.teamId(),
                user.getPreferredLanguage(),
                user.isEnabled(),
                user.getPasswordHash());
    }
}
