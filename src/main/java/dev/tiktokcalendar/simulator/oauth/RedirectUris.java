package dev.tiktokcalendar.simulator.oauth;

import java.net.URI;
import java.util.List;

/**
 * Whether a {@code redirect_uri} is registered: exact match, or a desktop pattern with a {@code *} port
 * ({@code http://127.0.0.1:*}{@code /callback/}). With nothing registered, any absolute http(s) URI without
 * a fragment is accepted, so demos and tests need no setup.
 */
final class RedirectUris {

    private final List<String> registered;

    RedirectUris(List<String> registered) {
        this.registered = registered;
    }

    boolean accepts(String redirectUri) {
        if (redirectUri == null || redirectUri.isBlank()) {
            return false;
        }
        if (registered.isEmpty()) {
            return isAbsoluteHttp(redirectUri);
        }
        return registered.stream().anyMatch(pattern -> matches(pattern, redirectUri));
    }

    private static boolean matches(String pattern, String candidate) {
        if (pattern.equals(candidate)) {
            return true;
        }
        int star = pattern.indexOf(":*");
        if (star < 0 || !candidate.startsWith(pattern.substring(0, star + 1))) {
            return false;
        }
        String rest = candidate.substring(star + 1);
        int digits = 0;
        while (digits < rest.length() && Character.isDigit(rest.charAt(digits))) {
            digits++;
        }
        return digits > 0 && rest.substring(digits).equals(pattern.substring(star + 2));
    }

    private static boolean isAbsoluteHttp(String value) {
        try {
            URI uri = URI.create(value);
            return uri.getFragment() == null && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
