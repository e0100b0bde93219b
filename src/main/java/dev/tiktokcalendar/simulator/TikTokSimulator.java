package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.display.DisplayEndpoints;
import dev.tiktokcalendar.simulator.display.PublicVideos;
import dev.tiktokcalendar.simulator.display.UserInfoEndpoint;
import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.fault.FaultInjector;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.http.Responses;
import dev.tiktokcalendar.simulator.http.SimulatorHttpServer;
import dev.tiktokcalendar.simulator.inspect.Duplicate;
import dev.tiktokcalendar.simulator.inspect.Duplicates;
import dev.tiktokcalendar.simulator.inspect.RequestLog;
import dev.tiktokcalendar.simulator.inspect.RequestRecord;
import dev.tiktokcalendar.simulator.limit.RateLimits;
import dev.tiktokcalendar.simulator.oauth.AuthorizeEndpoint;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.simulator.oauth.RequestGate;
import dev.tiktokcalendar.simulator.oauth.RevokedAuthorization;
import dev.tiktokcalendar.simulator.oauth.Scopes;
import dev.tiktokcalendar.simulator.oauth.TokenEndpoint;
import dev.tiktokcalendar.simulator.oauth.TokenStore;
import dev.tiktokcalendar.simulator.publish.Ids;
import dev.tiktokcalendar.simulator.publish.InitEndpoints;
import dev.tiktokcalendar.simulator.publish.PostingRules;
import dev.tiktokcalendar.simulator.publish.ProcessingEngine;
import dev.tiktokcalendar.simulator.publish.Publish;
import dev.tiktokcalendar.simulator.publish.PublishStore;
import dev.tiktokcalendar.simulator.publish.PublishView;
import dev.tiktokcalendar.simulator.publish.StatusEndpoints;
import dev.tiktokcalendar.simulator.publish.UploadEndpoint;
import dev.tiktokcalendar.simulator.publish.UrlOwnership;
import dev.tiktokcalendar.simulator.webhook.WebhookDelivery;
import dev.tiktokcalendar.simulator.webhook.WebhookSender;
import dev.tiktokcalendar.simulator.world.SimClock;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.simulator.world.WorldFiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running TikTok API simulator (Login Kit OAuth v2, Content Posting API v2, Display API) on
 * {@code http://127.0.0.1:PORT}, serving one {@link World}. Plain Java, no Spring: start it with
 * {@link #start(World)} or {@link #builder()}, point the client's API and auth base URLs at {@link #baseUrl()},
 * inspect what happened, and {@link #close()} it. Time comes from the injected {@link Clock}, divided by the
 * world's time scale; a background tick (every 20 ms) moves publishes and sends due webhooks, and
 * {@link #tick()} does the same at once.
 */
public final class TikTokSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TikTokSimulator.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final World world;
    private final SimClock clock;
    private final SimulatorHttpServer server;
    private final TokenStore tokens;
    private final UrlOwnership urlOwnership;
    private final PublishStore publishes = new PublishStore();
    private final ProcessingEngine engine;
    private final WebhookSender webhooks;
    private final RequestLog requestLog;
    private final FaultInjector faults;
    private final ExecutorService downloads;
    private final ExecutorService webhookSenders;
    private final ScheduledExecutorService ticker;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String baseUrl;

    private TikTokSimulator(Builder builder) {
        this.world = builder.world;
        this.clock = new SimClock(builder.clock, world.settings().timeScale());
        int instance = INSTANCES.incrementAndGet();
        // separate pools: a media URL that never answers must not hold up webhook deliveries
        this.downloads = Executors.newFixedThreadPool(4, daemon("tiktok-sim-" + instance + "-download"));
        this.webhookSenders = Executors.newFixedThreadPool(2, daemon("tiktok-sim-" + instance + "-webhook"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("tiktok-sim-" + instance + "-tick"));
        this.requestLog = new RequestLog(world.settings().requestLogCapacity());
        this.faults = new FaultInjector(world.settings().seed(), world.settings().faults());
        Responses responses = new Responses(clock, world.settings().errorsWithHttp200());
        Ids ids = new Ids(world.settings().seed());
        PublicVideos publicVideos = new PublicVideos();
        this.webhooks = new WebhookSender(world.app(), world.settings().webhooks(), clock, webhookSenders);
        this.engine = new ProcessingEngine(world.settings(), clock, publishes, publicVideos, webhooks, ids, downloads);
        this.urlOwnership = new UrlOwnership(world.app(), world.settings().allowHttpMediaUrls());
        this.tokens = new TokenStore(world.app(), world.settings(), clock, this::authorizationRemoved);
        RateLimits rateLimits = new RateLimits(world.settings().rateLimits(), clock);
        RequestGate gate = new RequestGate(tokens, rateLimits);
        this.server = new SimulatorHttpServer(new InetSocketAddress(builder.bindAddress, builder.port),
                builder.workerThreads, faults, requestLog, responses, clock, gate::revokeCaller);
        this.baseUrl = "http://" + builder.bindAddress.getHostAddress() + ":" + server.port();

        AuthorizeEndpoint authorize = new AuthorizeEndpoint(world, tokens);
        TokenEndpoint token = new TokenEndpoint(world, tokens, rateLimits, responses);
        PostingRules rules = new PostingRules(world, clock, publishes, urlOwnership);
        InitEndpoints inits = new InitEndpoints(world, clock, gate, rules, publishes, engine, ids, responses, baseUrl);
        StatusEndpoints status = new StatusEndpoints(gate, publishes, engine, rules, clock,
                world.settings().publishIdRetention(), responses);
        DisplayEndpoints display = new DisplayEndpoints(gate, publicVideos, responses);
        UserInfoEndpoint userInfo = new UserInfoEndpoint(world, gate, publicVideos, responses);
        UploadEndpoint upload = new UploadEndpoint(clock, publishes, engine, world.settings().reputAcceptedChunk());

        server.register(Endpoint.AUTHORIZE, authorize::page);
        server.register(Endpoint.AUTHORIZE_CONSENT, authorize::consent);
        server.register(Endpoint.OAUTH_TOKEN, token::token);
        server.register(Endpoint.OAUTH_REVOKE, token::revoke);
        server.register(Endpoint.USER_INFO, userInfo::userInfo);
        server.register(Endpoint.CREATOR_INFO, inits::creatorInfo);
        server.register(Endpoint.VIDEO_INIT, inits::directVideo);
        server.register(Endpoint.INBOX_VIDEO_INIT, inits::inboxVideo);
        server.register(Endpoint.CONTENT_INIT, inits::photo);
        server.register(Endpoint.UPLOAD, upload::put);
        server.register(Endpoint.STATUS_FETCH, status::fetch);
        server.register(Endpoint.CANCEL, status::cancel);
        server.register(Endpoint.VIDEO_LIST, display::list);
        server.register(Endpoint.VIDEO_QUERY, display::query);
        server.start();
        ticker.scheduleWithFixedDelay(this::tickQuietly, 20, 20, TimeUnit.MILLISECONDS);
    }

    public static TikTokSimulator start(World world) {
        return builder().world(world).start();
    }

    public static TikTokSimulator startDemo() {
        return start(WorldFiles.demo());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}: the API base URL and the auth base URL at once. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.port();
    }

    public World world() {
        return world;
    }

    /** Tokens as if the creator had gone through the consent page; no scopes given = every scope. */
    public IssuedTokens issueTokens(String username, String... scopes) {
        Set<String> granted = scopes.length == 0 ? Scopes.KNOWN : new LinkedHashSet<>(Arrays.asList(scopes));
        return tokens.issue(creator(username).openId(), granted);
    }

    /** An authorization code, as the consent page would put on the redirect (codeChallenge may be null). */
    public String authorizationCode(String username, String redirectUri, Set<String> scopes, String codeChallenge) {
        return tokens.newCode(creator(username).openId(), scopes, redirectUri, codeChallenge);
    }

    /** The creator disconnects the app: their tokens die, unfinished publishes FAIL with auth_removed. */
    public void revokeAuthorization(String username) {
        tokens.revokeCreator(creator(username).openId(), RevokedAuthorization.USER_DISCONNECTED);
    }

    /**
     * The developer verifies a URL prefix for the app (contract §6.4): from now on inits may pull media from URLs
     * starting with it. {@link #world()} keeps the properties the world started with.
     */
    public void verifyUrlPrefix(String prefix) {
        urlOwnership.addPrefix(prefix);
    }

    /**
     * The developer removes a verified URL prefix: inits from URLs under it, and cancels of PULL_FROM_URL publishes
     * pulling from them, answer 403 {@code url_ownership_unverified}.
     */
    public void removeVerifiedUrlPrefix(String prefix) {
        urlOwnership.removePrefix(prefix);
    }

    /** The developer verifies a domain, which covers its subdomains too. */
    public void verifyDomain(String domain) {
        urlOwnership.addDomain(domain);
    }

    /** The developer removes a verified domain (see {@link #removeVerifiedUrlPrefix}). */
    public void removeVerifiedDomain(String domain) {
        urlOwnership.removeDomain(domain);
    }

    public List<String> verifiedUrlPrefixes() {
        return urlOwnership.prefixes();
    }

    public List<String> verifiedDomains() {
        return urlOwnership.domains();
    }

    /** Scripts a fault for the next request to {@code endpoint} (after any scripted earlier). */
    public void injectNext(Endpoint endpoint, Fault fault) {
        faults.injectNext(endpoint, fault);
    }

    public List<PublishView> posts(String username) {
        return publishes.ofCreator(creator(username).openId()).stream().map(Publish::view)
                .sorted(Comparator.comparing(PublishView::createdAt)).toList();
    }

    public List<PublishView> allPosts() {
        return publishes.all().stream().map(Publish::view).sorted(Comparator.comparing(PublishView::createdAt)).toList();
    }

    public List<RequestRecord> requestLog() {
        return requestLog.all();
    }

    public List<RequestRecord> overLimitRequests() {
        return requestLog.overLimit();
    }

    public List<Duplicate> duplicates() {
        return Duplicates.among(allPosts());
    }

    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /** Runs due transitions and webhook deliveries now (after moving an injected clock, for instance). */
    public void tick() {
        engine.advanceAll();
        webhooks.deliverDue();
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            // the tick must survive anything one publish does; the next tick retries
            log.warn("simulator: tick failed", e);
        }
    }

    private void authorizationRemoved(RevokedAuthorization revoked) {
        engine.authorizationRemoved(revoked.creatorOpenId());
        webhooks.send("authorization.removed", revoked.creatorOpenId(), Map.of("reason", revoked.reason()));
    }

    private WorldCreator creator(String username) {
        return world.creator(username)
                .orElseThrow(() -> new IllegalArgumentException("no creator '" + username + "' in the world"));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ticker.shutdownNow();
            server.close();
            downloads.shutdownNow();
            webhookSenders.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Options of a simulator: the world (default: the demo world), clock, port (0 = free), bind address, workers. */
    public static final class Builder {
        private World world;
        private Clock clock = Clock.systemUTC();
        private int port;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int workerThreads = 8;

        private Builder() {
        }

        public Builder world(World value) {
            this.world = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder bindAddress(InetAddress value) {
            this.bindAddress = value;
            return this;
        }

        public Builder workerThreads(int value) {
            this.workerThreads = value;
            return this;
        }

        public TikTokSimulator start() {
            if (world == null) {
                world = WorldFiles.demo();
            }
            return new TikTokSimulator(this);
        }
    }
}
