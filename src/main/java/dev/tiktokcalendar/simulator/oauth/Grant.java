package dev.tiktokcalendar.simulator.oauth;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One authorization of the app by a creator: the granted scopes, and whether it has been revoked. Every
 * access and refresh token issued under it (refreshes included) dies with it.
 */
public final class Grant {

    private final String creatorOpenId;
    private final Set<String> scopes;
    private volatile boolean revoked;

    Grant(String creatorOpenId, Set<String> scopes) {
        this.creatorOpenId = creatorOpenId;
        this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes)); // the order requested is the order echoed
    }

    public String creatorOpenId() {
        return creatorOpenId;
    }

    public Set<String> scopes() {
        return scopes;
    }

    public boolean revoked() {
        return revoked;
    }

    void revoke() {
        revoked = true;
    }
}
