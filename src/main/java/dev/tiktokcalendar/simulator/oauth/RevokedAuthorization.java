package dev.tiktokcalendar.simulator.oauth;

/** A creator's authorization ended; {@code reason} as in the {@code authorization.removed} webhook (§11). */
public record RevokedAuthorization(String creatorOpenId, int reason) {
    public static final int USER_DISCONNECTED = 1;
    public static final int DEVELOPER_REVOKED = 5;
}
