package parley.auth;

import java.time.Instant;

/** A Parley account: local (email + password) or mapped from a site's single sign-on ({@code ssoSite} set). */
public record Account(long id, String email, String displayName, String passwordHash, String ssoSite,
    String ssoSubject, Instant createdAt) {}
