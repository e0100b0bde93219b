package dev.tiktokcalendar.web.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reach what. Everything requires a console login except what TikTok itself calls or fetches — the
 * webhook ({@code POST /webhooks/tiktok}, verified by its signature), signed media URLs ({@code GET /media/*},
 * verified by their token) — plus the login page, error page and actuator health. So a console page added
 * anywhere (e.g. {@code /reports}) is protected without touching this class. The OAuth callback is a console
 * page: it needs the session that started the connect flow. Which workspace a user may see is decided per
 * request by {@link WorkspaceAccess}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    public static final String WEBHOOK_PATH = "/webhooks/tiktok";
    public static final String MEDIA_PATHS = "/media/*";

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, WEBHOOK_PATH).permitAll()
                        .requestMatchers(HttpMethod.GET, MEDIA_PATHS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, MEDIA_PATHS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/login", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                // TikTok's webhook carries no CSRF token; its HMAC signature authenticates it instead
                .csrf(csrf -> csrf.ignoringRequestMatchers(WEBHOOK_PATH));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
