package dev.tiktokcalendar.accounts;

import java.time.Instant;

/** A connected TikTok account as the console and the {@code accounts} command show it; never its tokens. */
public record Account(long id, long workspaceId, String workspaceSlug, String openId, String username,
                      String displayName, String zoneId, String status, String statusReason, String grantedScopes,
                      Instant accessExpiresAt, String tokenKeyId, String privacyLevelOptions,
                      Integer maxVideoPostDurationSec) {

    /** {@code @username}, or the open_id while the username is not known. */
    public String label() {
        return username == null ? openId : "@" + username;
    }
}
