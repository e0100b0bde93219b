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
 */
public final class TokenStore {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private record Token(Grant grant, Instant expiresAt) {
    }

    private final WorldApp app;
    private final SimulatorSettings settings;
    private final SimClock clock;
    private final Consumer<RevokedAuthorization> onRevoke;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Token> refreshTokens = new ConcurrentHashMap<>();

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

    /** Removes and returns the code (single use), if it exists and has not expired. */
    Optional<AuthorizationCode> redeem(String code) {
        AuthorizationCode found = code == null ? null : codes.remove(code);
        if (found == null || !clock.now().isBefore(found.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    public IssuedTokens issue(String creatorOpenId, Set<String> scopes) {
        return issueUnder(new Grant(creatorOpenId, scopes), null);
    }

    IssuedTokens refresh(String refreshToken) {
        Token old = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (old == null || old.grant().revoked() || !clock.now().isBefore(old.expiresAt())) {
            throw new OAuthException("invalid_grant", "Refresh token is invalid or expired.");
        }
        if (settings.rotateRefreshTokens()) {
            if (refreshTokens.remove(refreshToken) == null) {
                throw new OAuthException("invalid_grant", "Refresh token is invalid or expired.");
            }
            return issueUnder(old.grant(), null);
        }
        return issueUnder(old.grant(), refreshToken);
    }

    private IssuedTokens issueUnder(Grant grant, String keptRefreshToken) {
        Duration accessLifetime = clock.scaled(app.accessTokenLifetime());
        Duration refreshLifetime = clock.scaled(app.refreshTokenLifetime());
        String access = "act." + randomText(64) + "!" + randomText(4);
        accessTokens.put(access, new Token(grant, clock.now().plus(accessLifetime)));
        String refresh = keptRefreshToken;
        long refreshExpiresIn;
        if (refresh == null) {
            refresh = "rft." + randomText(64) + "!" + randomText(4);
            refreshTokens.put(refresh, new Token(grant, clock.now().plus(refreshLifetime)));
            refreshExpiresIn = seconds(refreshLifetime);
        } else {
            refreshExpiresIn = seconds(Duration.between(clock.now(), refreshTokens.get(refresh).expiresAt()));
        }
        return new IssuedTokens(access, seconds(accessLifetime), grant.creatorOpenId(), refreshExpiresIn, refresh,
                Scopes.format(grant.scopes()), "Bearer");
    }

    /** The live grant behind an access token: known, unexpired, not revoked. */
    public Optional<Grant> grantOf(String accessToken) {
        Token token = accessToken == null ? null : accessTokens.get(accessToken);
        if (token == null || token.grant().revoked() || !clock.now().isBefore(token.expiresAt())) {
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

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private String randomText(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
