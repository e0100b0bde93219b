package dev.tiktokcalendar.web.security;

import dev.tiktokcalendar.accounts.Accounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The first start of the web application (no console user yet): creates the workspace {@code default} when there
 * is none, and the global administrator {@code admin} with a random password that is printed once on the
 * console (standard output, not the log) and stored only as a hash; the first login must replace it.
 */
@Component
@ConditionalOnWebApplication
public class ConsoleBootstrap implements ApplicationRunner {

    private final ConsoleUsers users;
    private final Accounts accounts;
    private final Clock clock;

    public ConsoleBootstrap(ConsoleUsers users, Accounts accounts, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        createAdminIfNoUser().ifPresent(password -> System.out.println("""

                ==================================================================================
                 Console: log in as "admin" with the one-time password  %s
                 It is shown only now; the console asks for a new password at the first login.
                ==================================================================================
                """.formatted(password)));
    }

    /** The generated password, when an admin was created. */
    synchronized Optional<String> createAdminIfNoUser() {
        if (users.anyUser()) {
            return Optional.empty();
        }
        if (accounts.workspaces().isEmpty()) {
            accounts.workspaceCreatedIfMissing("default", clock.instant());
        }
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            users.create("admin", password, true, true);
        } catch (org.springframework.dao.DuplicateKeyException anotherNodeWasFirst) {
            return Optional.empty();
        }
        return Optional.of(password);
    }
}
