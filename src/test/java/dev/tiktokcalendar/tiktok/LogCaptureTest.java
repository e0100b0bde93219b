package dev.tiktokcalendar.tiktok;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.tiktok.api.DirectVideoInit;
import dev.tiktokcalendar.tiktok.api.PublishTicket;
import dev.tiktokcalendar.tiktok.api.VideoPostInfo;
import dev.tiktokcalendar.tiktok.api.VideoSource;
import dev.tiktokcalendar.tiktok.auth.StoredTokens;
import dev.tiktokcalendar.tiktok.auth.TokenGrant;
import dev.tiktokcalendar.tiktok.error.TikTokApiException;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import dev.tiktokcalendar.tiktok.upload.ChunkPlan;
import dev.tiktokcalendar.tiktok.upload.ChunkPlanner;
import dev.tiktokcalendar.tiktok.upload.FileMediaSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runs every kind of call, failures included, with all loggers at TRACE, and fails if any access token, refresh
 * token, the client secret or an upload token appears in a log line, a stack trace, an exception message or the
 * {@code toString()} of anything the client returned.
 */
class LogCaptureTest {

    private static final ClientDatabase DATABASE = ClientDatabase.migrated("logs");

    @Test
    void noSecretEverReachesALogLineAMessageOrAToString(@TempDir Path dir) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        Set<String> secrets = new LinkedHashSet<>();
        List<Object> returned = new ArrayList<>();
        try (TikTokSimulator sim = TikTokSimulator.builder().world(new World(WorldApp.defaults(),
                List.of(WorldCreator.named("secretive")), SimulatorSettings.builder().build())).start()) {
            ClientFixture fixture = new ClientFixture(sim, DATABASE);
            TikTokClients clients = fixture.clients();
            secrets.add(sim.world().app().clientSecret());

            IssuedTokens issued = sim.issueTokens("secretive");
            secrets.add(issued.accessToken());
            secrets.add(issued.refreshToken());
            long account = fixture.connect(new IssuedTokens("act.bogus-token-for-the-log-test", issued.expiresIn(),
                    issued.openId(), issued.refreshExpiresIn(), issued.refreshToken(), issued.scope(), issued.tokenType()),
                    Instant.now());
            secrets.add("act.bogus-token-for-the-log-test");

            returned.add(clients.client().userInfo(account, List.of("open_id", "display_name")));
            StoredTokens refreshed = clients.tokenStore().load(account).orElseThrow();
            secrets.add(refreshed.accessToken().reveal());
            secrets.add(refreshed.refreshToken().reveal());
            returned.add(refreshed);

            Path video = Files.write(dir.resolve("v.mp4"), new byte[6_000_000]);
            ChunkPlan plan = new ChunkPlanner(5_242_880L).plan(6_000_000L);
            TikTokResult<PublishTicket> init = clients.client().initDirectVideo(account, new DirectVideoInit(
                    new VideoPostInfo("t", "SELF_ONLY", false, false, false, null, false, false, false), VideoSource.fileUpload(plan)));
            returned.add(init);
            PublishTicket ticket = init.orElseThrow();
            secrets.add(ticket.uploadUrl().uri().getQuery().replaceAll(".*upload_token=([^&]+).*", "$1"));
            sim.injectNext(Endpoint.UPLOAD, Fault.of(FaultKind.HTTP_500));
            returned.add(clients.client().upload(ticket, plan, new FileMediaSource(video), "video/mp4"));
            returned.add(clients.client().upload(ticket, plan, new FileMediaSource(video), "video/mp4"));
            returned.add(clients.client().fetchStatus(account, ticket.publishId()));
            returned.add(ticket);

            String redirect = "https://calendar.example.com/cb";
            TikTokResult<TokenGrant> exchanged = clients.oauth().exchangeCode(
                    sim.authorizationCode("secretive", redirect, Set.of("user.info.basic"), null), redirect, null);
            returned.add(exchanged);
            TokenGrant grant = exchanged.orElseThrow();
            secrets.add(grant.accessToken().reveal());
            secrets.add(grant.refreshToken().reveal());
            returned.add(clients.oauth().revoke(grant.accessToken()));
            TikTokResult<TokenGrant> dead = clients.oauth().refresh(grant.refreshToken());
            returned.add(dead);
            returned.add(catchThrowable(dead::orElseThrow));
            returned.add(clients.oauth().exchangeCode("not-a-code", redirect, null));
            returned.add(fixture.settings());
            returned.add(ClientFixture.CIPHER);
        } finally {
            root.detachAppender(appender);
            root.setLevel(rootLevel);
        }

        assertThat(secrets).hasSizeGreaterThanOrEqualTo(8).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(8));
        assertThat(appender.list).as("the client logged at all").anyMatch(e -> e.getLoggerName().startsWith("dev.tiktokcalendar.tiktok"));
        assertThat(returned).anyMatch(r -> r instanceof TikTokApiException);
        List<String> texts = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            if (event.getLoggerName().startsWith("dev.tiktokcalendar.simulator")) {
                continue; // the stand-in for TikTok, not the client
            }
            texts.add(event.getLoggerName() + ": " + event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        for (Object value : returned) {
            texts.add(String.valueOf(value));
            if (value instanceof Throwable t) {
                texts.add(String.valueOf(t.getMessage()));
            }
        }
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).as("a secret leaked").doesNotContain(secret);
            }
        }
    }
}
