package dev.tiktokcalendar.accounts;

import dev.tiktokcalendar.tiktok.TikTokProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.util.Locale;

/**
 * Which TikTok this installation talks to ({@code tiktok.environment}): {@code simulator} (the default when no
 * {@code tiktok.client-key} is configured: the built-in simulator), {@code sandbox} or {@code production} (the same
 * TikTok endpoints with the sandbox's or the live app's credentials). Refuses contradictory settings at start-up,
 * and is shown in the log and on every console page.
 */
@Component
public class TikTokMode {

    private static final Logger log = LoggerFactory.getLogger(TikTokMode.class);

    public enum Environment { SIMULATOR, SANDBOX, PRODUCTION }

    private final Environment environment;

    public TikTokMode(@Value("${tiktok.environment:}") String configured, TikTokProperties tiktok) {
        boolean credentials = StringUtils.hasText(tiktok.clientKey()) && StringUtils.hasText(tiktok.clientSecret());
        if (!StringUtils.hasText(configured)) {
            this.environment = credentials ? Environment.PRODUCTION : Environment.SIMULATOR;
        } else {
            try {
                this.environment = Environment.valueOf(configured.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tiktok.environment must be simulator, sandbox or production, not '"
                        + configured + "'");
            }
        }
        if (environment != Environment.SIMULATOR && !credentials) {
            throw new IllegalStateException("tiktok.environment=" + label() + " needs the app's tiktok.client-key and "
                    + "tiktok.client-secret (TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET) from the TikTok developer portal");
        }
        log.info("TikTok mode: {} (API {}, client key {})", label(), tiktok.apiBaseUrl(), tiktok.clientKey());
    }

    public Environment environment() {
        return environment;
    }

    public String label() {
        return environment.name().toLowerCase(Locale.ROOT);
    }
}
