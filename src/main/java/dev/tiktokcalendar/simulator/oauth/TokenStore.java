package dev.tiktokcalendar.simulator.oauth;

import dev.tiktokcalendar.simulator.http.OAuthException;
import dev.tiktokcalendar.simulator.world.SimClock;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.WorldApp;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Authorization codes, access tokens and refresh tokens. Codes are single use; refresh rotates the refresh
 * token (the old one then fails with {@code invalid_grant}) unless legacy mode is set; revoking kills a whole
 * grant and tells the listener (webhooks, in-flight publishes). Lifetimes are time-scaled, and
 * {@code expires_in} reports the scaled value, since that is how long the token really lives.
 * <p>
 * With a {@code refresh-token-grace-period}, a rotated refresh token sent again within the grace gets the very
 * pair its rotation issued (remaining lifetimes), as long as that pair's refresh token has not been used
 * itself: a refresh whose answer was lost, or two racing refreshes, then end on one live chain of tokens
 * instead of forking it or locking the creator out.
 */
public final class TokenStore {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private record Token(Grant grant, Instant expiresAt) {
    }

    /** A refresh token that was rotated: the pair that replaced it, and until when it may still be replayed. */
    private record Rotation(String accessToken, String refreshToken, Instant graceEndsAt) {
    }

    private final WorldApp app;
    private final SimulatorSettings settings;
    private final SimClock clock;
    private final Consumer<RevokedAuthorization> onRevoke;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Token> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Rotation> rotations = new ConcurrentHashMap<>();

    public TokenStore(WorldApp app, SimulatorSettings settings, SimClock clock, Consumer<RevokedAuthorization> onRevoke) {
        this.app = app;
        this.settings = settings;
        this.clock = clock;
        this.onRevoke = onRevoke;
    }

    public String newCode(String creatorOpenId, Set<String> scopes, String redirectUri, String codeChallenge) {
        String code = randomText(48) + "!" + randomText(8);
        codes.put(code, new AuthorizationCode(creatorOpenId, scopes, app.clientKey(), redirectUri, codeChallenge,
                clock.after(settings.authorizationCodeLifetime())));
        return code;
    }

    /** Returns the code, if it exists and has not expired, and removes it unless codes may be used again. */
    Optional<AuthorizationCode> redeem(String code) {
        AuthorizationCode found = code == null ? null
                : settings.singleUseAuthorizationCodes() ? codes.remove(code) : codes.get(code);
        if (found == null || !clock.now().isBefore(found.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    public IssuedTokens issue(String creatorOpenId, Set<String> scopes) {
        return issueUnder(new Grant(creatorOpenId, scopes), null);
    }

    // serialised: a rotation and the replay of the token it rotated must not interleave
    synchronized IssuedTokens refresh(String refreshToken) {
        if (settings.sandboxRefreshFails()) {
            throw new OAuthException("invalid_grant", "Refresh token is invalid or expired.");
        }
        Token old = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (old == null) {
            return replayWithinGrace(refreshToken)
                    .orElseThrow(() -> new OAuthException("invalid_grant", "Refresh token is invalid or expired."));
        }
        if (!live(old)) {
            throw new OAuthException("invalid_grant", "Refresh token is invalid or expired.");
        }
        if (!settings.rotateRefreshTokens()) {
            return issueUnder(old.grant(), refreshToken);
        }
        refreshTokens.remove(refreshToken);
        IssuedTokens next = issueUnder(old.grant(), null);
        if (!settings.refreshTokenGracePeriod().isZero() && !settings.refreshTokenGracePeriod().isNegative()) {
            rotations.put(refreshToken, new Rotation(next.accessToken(), next.refreshToken(),
                    clock.after(settings.refreshTokenGracePeriod())));
        }
        return next;
    }

    private Optional<IssuedTokens> replayWithinGrace(String rotatedRefreshToken) {
        Rotation rotation = rotatedRefreshToken == null ? null : rotations.get(rotatedRefreshToken);
        if (rotation == null) {
            return Optional.empty();
        }
        if (!clock.now().isBefore(rotation.graceEndsAt())) {
            rotations.remove(rotatedRefreshToken);
            return Optional.empty();
        }
        Token access = accessTokens.get(rotation.accessToken());
        Token refresh = refreshTokens.get(rotation.refreshToken());
        if (access == null || refresh == null || !live(access) || !live(refresh)) {
            return Optional.empty();
        }
        return Optional.of(describe(rotation.accessToken(), access, rotation.refreshToken(), refresh));
    }

    private IssuedTokens issueUnder(Grant grant, String keptRefreshToken) {
        String access = "act." + randomText(64) + "!" + randomText(4);
        Token accessToken = new Token(grant, clock.after(app.accessTokenLifetime()));
        accessTokens.put(access, accessToken);
        String refresh = keptRefreshToken;
        if (refresh == null) {
            refresh = "rft." + randomText(64) + "!" + randomText(4);
            refreshTokens.put(refresh, new Token(grant, clock.after(app.refreshTokenLifetime())));
        }
        return describe(access, accessToken, refresh, refreshTokens.get(refresh));
    }

    /** The token endpoint's answer for a pair: {@code *_expires_in} are what remains of each lifetime. */
    private IssuedTokens describe(String access, Token accessToken, String refresh, Token refreshToken) {
        Grant grant = accessToken.grant();
        return new IssuedTokens(access, secondsUntil(accessToken.expiresAt()), grant.creatorOpenId(),
                secondsUntil(refreshToken.expiresAt()), refresh, Scopes.format(grant.scopes()), "Bearer");
    }

    private boolean live(Token token) {
        return !token.grant().revoked() && clock.now().isBefore(token.expiresAt());
    }

    /** The live grant behind an access token: known, unexpired, not revoked. */
    public Optional<Grant> grantOf(String accessToken) {
        Token token = accessToken == null ? null : accessTokens.get(accessToken);
        if (token == null || !live(token)) {
            return Optional.empty();
        }
        return Optional.of(token.grant());
    }

    /** Developer revoke (reason 5): the access token's grant dies; false if the token was not live. */
    public boolean revokeAccessToken(String accessToken) {
        Optional<Grant> grant = grantOf(accessToken);
        if (grant.isEmpty()) {
            return false;
        }
        if (settings.revokeKillsRefreshToken()) {
            revoke(grant.get(), RevokedAuthorization.DEVELOPER_REVOKED);
        } else {
            accessTokens.remove(accessToken);
            onRevoke.accept(new RevokedAuthorization(grant.get().creatorOpenId(), RevokedAuthorization.DEVELOPER_REVOKED));
        }
        return true;
    }

    /** The creator disconnects the app (reason 1): every grant of the creator dies. */
    public void revokeCreator(String creatorOpenId, int reason) {
        List<Grant> grants = new ArrayList<>();
        accessTokens.values().forEach(t -> collect(grants, t.grant(), creatorOpenId));
        refreshTokens.values().forEach(t -> collect(grants, t.grant(), creatorOpenId));
        grants.forEach(Grant::revoke);
        onRevoke.accept(new RevokedAuthorization(creatorOpenId, reason));
    }

    private void revoke(Grant grant, int reason) {
        grant.revoke();
        onRevoke.accept(new RevokedAuthorization(grant.creatorOpenId(), reason));
    }

    private static void collect(List<Grant> into, Grant grant, String creatorOpenId) {
        if (grant.creatorOpenId().equals(creatorOpenId) && !grant.revoked() && !into.contains(grant)) {
            into.add(grant);
        }
    }

    public String clientCredentialsToken() {
        return "clt." + randomText(64);
    }

    private long secondsUntil(Instant instant) {
        return Math.max(1, (Duration.between(clock.now(), instant).toMillis() + 999) / 1000);
    }

    private String randomText(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
