package dev.tiktokcalendar.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.net.URI;

/**
 * The installation's public address ({@code calendar.public-base-url}), under which TikTok reaches the OAuth
 * callback, the webhook and the media. Unset, it is {@code http://localhost:<port>} — enough for the simulator,
 * never for TikTok (TikTok needs https and a verified URL prefix or domain).
 */
@Component
public class PublicUrls {

    public static final String CALLBACK_PATH = "/oauth/tiktok/callback";

    private final String configured;
    private final Environment environment;

    public PublicUrls(@Value("${calendar.public-base-url:}") String configured, Environment environment) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.environment = environment;
    }

    public String base() {
        if (StringUtils.hasText(configured)) {
            return configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    /** The exact redirect URI registered in the TikTok developer portal and sent on authorize and token exchange. */
    public String redirectUri() {
        return base() + CALLBACK_PATH;
    }

    public URI resolve(String path) {
        return URI.create(base() + path);
    }
}
