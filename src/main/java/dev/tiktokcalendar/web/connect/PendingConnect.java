package dev.tiktokcalendar.web.connect;

import java.io.Serializable;
import java.time.Instant;

/**
 * A connect flow in progress, kept in the HTTP session under its {@code state}: whose it is, for which workspace,
 * the PKCE verifier (null without PKCE), and when it started. {@code toString()} leaves the verifier out.
 */
record PendingConnect(String username, long workspaceId, String workspaceSlug, String codeVerifier, Instant startedAt)
        implements Serializable {

    @Override
    public String toString() {
        return "PendingConnect[user=" + username + ", workspace=" + workspaceSlug + ", startedAt=" + startedAt + "]";
    }
}
