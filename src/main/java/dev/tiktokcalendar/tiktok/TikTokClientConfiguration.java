package dev.tiktokcalendar.tiktok;

import dev.tiktokcalendar.tiktok.auth.AccessTokens;
import dev.tiktokcalendar.tiktok.auth.AesGcmTokenCipher;
import dev.tiktokcalendar.tiktok.auth.KeyRingTokenCipher;
import dev.tiktokcalendar.tiktok.auth.OAuthClient;
import dev.tiktokcalendar.tiktok.auth.TokenCipher;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import dev.tiktokcalendar.tiktok.ratelimit.RateLimitGate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/**
 * The TikTok client beans of the application. The token cipher needs {@code calendar.encryption-key}; without it the
 * application still starts, and the first token read or write fails with a message saying what to set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TikTokProperties.class)
public class TikTokClientConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TokenCipher tokenCipher(@Value("${calendar.encryption-key:}") String key,
                            @Value("${calendar.previous-encryption-keys:}") List<String> previousKeys) {
        if (key.isBlank()) {
            return new MissingKeyTokenCipher();
        }
        List<TokenCipher> previous = previousKeys.stream().filter(k -> !k.isBlank())
                .<TokenCipher>map(AesGcmTokenCipher::fromBase64).toList();
        AesGcmTokenCipher current = AesGcmTokenCipher.fromBase64(key);
        return previous.isEmpty() ? current : new KeyRingTokenCipher(current, previous);
    }

    @Bean
    TikTokClients tikTokClients(TikTokProperties settings, DataSource dataSource, TokenCipher cipher, Clock clock) {
        return TikTokClients.create(settings, dataSource, cipher, clock);
    }

    @Bean
    TikTokClient tikTokClient(TikTokClients clients) {
        return clients.client();
    }

    @Bean
    RateLimitGate tikTokRateLimits(TikTokClients clients) {
        return clients.rateLimits();
    }

    @Bean
    OAuthClient tikTokOAuthClient(TikTokClients clients) {
        return clients.oauth();
    }

    @Bean
    AccessTokens tikTokAccessTokens(TikTokClients clients) {
        return clients.tokens();
    }

    @Bean
    TokenStore tikTokTokenStore(TikTokClients clients) {
        return clients.tokenStore();
    }

    /** Refuses every use: tokens are never stored or read in plain text. */
    static final class MissingKeyTokenCipher implements TokenCipher {
        private static final String MESSAGE = "calendar.encryption-key is not set (CALENDAR_ENCRYPTION_KEY): "
                + "32 random bytes in base64, e.g. openssl rand -base64 32. TikTok tokens are only stored encrypted.";

        @Override
        public String keyId() {
            throw new IllegalStateException(MESSAGE);
        }

        @Override
        public byte[] encrypt(String plaintext, String context) {
            throw new IllegalStateException(MESSAGE);
        }

        @Override
        public String decrypt(byte[] ciphertext, String context) {
            throw new IllegalStateException(MESSAGE);
        }
    }
}
