package dev.tiktokcalendar.accounts;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The default run without {@code calendar.encryption-key} (env {@code CALENDAR_ENCRYPTION_KEY}): reads the token
 * encryption key from {@code calendar.encryption-key-file} (default {@code ./data/encryption-key}), generating 32
 * random bytes there (owner-only permissions) the first time, and says so — never what the key is. Off with
 * {@code calendar.encryption-key-file=} (empty): then the application starts but refuses to store tokens.
 * Registered in {@code META-INF/spring.factories}.
 */
public class EncryptionKeyEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String KEY_PROPERTY = "calendar.encryption-key";
    public static final String FILE_PROPERTY = "calendar.encryption-key-file";
    private static final String DEFAULT_FILE = "./data/encryption-key";

    private final Log log;

    public EncryptionKeyEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EncryptionKeyEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty(KEY_PROPERTY))) {
            return;
        }
        String file = environment.getProperty(FILE_PROPERTY, DEFAULT_FILE);
        if (!StringUtils.hasText(file)) {
            return;
        }
        Path path = Path.of(file);
        String key = Files.exists(path) ? read(path) : generate(path);
        environment.getPropertySources().addFirst(new MapPropertySource("generatedEncryptionKey", Map.of(KEY_PROPERTY, key)));
    }

    private String read(Path path) {
        try {
            log.info("Token encryption key: read from " + path + " (set CALENDAR_ENCRYPTION_KEY to keep it elsewhere)");
            return Files.readString(path, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token encryption key file " + path, e);
        }
    }

    private String generate(Path path) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String key = Base64.getEncoder().encodeToString(bytes);
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(path, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token encryption key file " + path, e);
        }
        log.warn("Token encryption key: none configured, so a new one was generated into " + path
                + ". Back this file up: without it the stored TikTok tokens cannot be read and every account must be"
                + " connected again. In production set CALENDAR_ENCRYPTION_KEY instead.");
        return key;
    }
}
