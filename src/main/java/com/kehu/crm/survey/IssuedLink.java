package com.kehu.crm.survey;

import java.time.Instant;

/** A freshly issued survey link token, shown once to staff; only its hash is kept. */
public record IssuedLink(long invitationId, String token, Instant expiresAt) {}
