package dev.tiktokcalendar.simulator.publish;

import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.ApiException;
import dev.tiktokcalendar.simulator.http.HttpCall;
import dev.tiktokcalendar.simulator.http.Json;
import dev.tiktokcalendar.simulator.http.Responses;
import dev.tiktokcalendar.simulator.http.SimResponse;
import dev.tiktokcalendar.simulator.oauth.Grant;
import dev.tiktokcalendar.simulator.oauth.RequestGate;
import dev.tiktokcalendar.simulator.oauth.Scopes;
import dev.tiktokcalendar.simulator.world.SimClock;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Function;

/**
 * The three inits (contract §4, §5, §7) and creator_info (§3). An accepted init creates the publish before
 * answering; an injected INIT_500_AFTER_CREATE fault then turns the answer into a 500 with the publish
 * already made — the ambiguous case clients must reconcile. With {@code deduplicate-identical-inits} an init
 * identical to a recent one answers that publish again (before any posting rule, as an idempotency layer would).
 */
public final class InitEndpoints {

    private static final int MAX_VIDEO_TITLE = 2200;
    private static final int MAX_PHOTO_TITLE = 90;
    private static final int MAX_PHOTO_DESCRIPTION = 4000;
    private static final String MIN_APP_VERSION_FOR_PHOTO_UPLOAD = "31.8";
    private static final List<String> DISABLE_TOGGLES = List.of("disable_duet", "disable_stitch", "disable_comment");
    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final World world;
    private final SimClock clock;
    private final RequestGate gate;
    private final PostingRules rules;
    private final PublishStore store;
    private final ProcessingEngine engine;
    private final Ids ids;
    private final Responses responses;
    private final String uploadBaseUrl;
    private final IdenticalInits identicalInits;
    private final SecureRandom secureRandom = new SecureRandom();

    public InitEndpoints(World world, SimClock clock, RequestGate gate, PostingRules rules, PublishStore store,
                         ProcessingEngine engine, Ids ids, Responses responses, String uploadBaseUrl) {
        this.world = world;
        this.clock = clock;
        this.gate = gate;
        this.rules = rules;
        this.store = store;
        this.engine = engine;
        this.ids = ids;
        this.responses = responses;
        this.uploadBaseUrl = uploadBaseUrl;
        this.identicalInits = new IdenticalInits(world.settings(), clock, store);
    }

    public SimResponse creatorInfo(HttpCall call) {
        Grant grant = world.settings().creatorInfoAcceptsUploadScope()
                ? gate.admit(call, Scopes.VIDEO_PUBLISH, Scopes.VIDEO_UPLOAD)
                : gate.admit(call, Scopes.VIDEO_PUBLISH);
        call.requireContentType("application/json", invalid("Content-Type must be application/json."));
        call.json(world.settings().invalidParamCode());
        WorldCreator creator = creatorOf(grant);
        var refused = rules.cannotPostNow(creator);
        if (refused.isPresent()) {
            // documented: creator_info reports these with HTTP 200
            return responses.failure(new ApiException(200, refused.get(), "The creator cannot post now."), true);
        }
        ObjectNode data = Json.object();
        data.put("creator_avatar_url", creator.avatarUrl());
        data.put("creator_username", creator.username());
        data.put("creator_nickname", creator.nickname());
        data.set("privacy_level_options", Json.MAPPER.valueToTree(rules.privacyLevelOptions(creator)));
        data.put("comment_disabled", creator.commentDisabled());
        data.put("duet_disabled", creator.duetDisabled());
        data.put("stitch_disabled", creator.stitchDisabled());
        data.put("max_video_post_duration_sec", creator.maxVideoPostDurationSec());
        return responses.ok(data);
    }

    public SimResponse directVideo(HttpCall call) {
        return video(call, PublishKind.DIRECT_VIDEO, Scopes.VIDEO_PUBLISH);
    }

    public SimResponse inboxVideo(HttpCall call) {
        return video(call, PublishKind.INBOX_VIDEO, Scopes.VIDEO_UPLOAD);
    }

    private SimResponse video(HttpCall call, PublishKind kind, String scope) {
        Grant grant = gate.admit(call, scope);
        JsonNode body = jsonBody(call);
        WorldCreator creator = creatorOf(grant);
        return answerOnce(call, creator, body, request -> newVideo(call, request, creator, kind));
    }

    private Publish newVideo(HttpCall call, InitRequest request, WorldCreator creator, PublishKind kind) {
        JsonNode body = request.body();
        JsonNode postInfo = body.path("post_info");
        String title = Json.string(postInfo, "title");
        String privacy = null;
        if (kind.direct()) {
            checkLength(title, MAX_VIDEO_TITLE, "title");
            if (world.settings().requireBrandContentToggle() && Json.bool(postInfo, "brand_content_toggle") == null) {
                throw invalid("post_info.brand_content_toggle is required.");
            }
            if (world.settings().requireDisableToggles()) {
                for (String toggle : DISABLE_TOGGLES) {
                    if (Json.bool(postInfo, toggle) == null) {
                        throw invalid("post_info." + toggle + " is required.");
                    }
                }
            }
        } else if (world.settings().inboxUsesPostInfoTitle()) {
            checkLength(title, MAX_VIDEO_TITLE, "title");
        }
        SourceInfo source = SourceInfo.video(body.path("source_info"), world.settings());
        if (!source.fileUpload()) {
            rules.checkUrlOwnership(source.urls().get(0));
        }
        if (kind.direct()) {
            rules.checkDirectPost(creator);
            privacy = rules.privacyFor(creator, Json.string(postInfo, "privacy_level"));
            checkBrandedPrivacy(postInfo, privacy);
        } else {
            rules.checkInboxUpload(creator);
            if (!world.settings().inboxUsesPostInfoTitle()) {
                title = null; // documented: inbox drafts get their caption in the TikTok app; post_info is ignored
            }
        }
        Publish publish = create(call, request, creator, kind, source, title, privacy);
        if (!source.fileUpload()) {
            engine.startVideoDownload(publish);
        }
        return publish;
    }

    /** The publish of an identical recent init if deduplication is on, else the one {@code create} makes. */
    private SimResponse answerOnce(HttpCall call, WorldCreator creator, JsonNode body,
                                   Function<InitRequest, Publish> create) {
        InitRequest request = new InitRequest(call.endpoint(), body);
        // one init per creator at a time, so that identical inits racing each other make one publish
        synchronized (identicalInits.lockOf(creator.openId())) {
            Publish publish = identicalInits.earlier(creator.openId(), request).orElseGet(() -> create.apply(request));
            return responses.ok(answer(publish));
        }
    }

    /** {@code publish_id}, and the {@code upload_url} of a FILE_UPLOAD publish. */
    private ObjectNode answer(Publish publish) {
        ObjectNode data = Json.object();
        data.put("publish_id", publish.publishId);
        if (publish.fileUpload) {
            data.put("upload_url", uploadBaseUrl + "/video/?upload_id=" + publish.upload.uploadId
                    + "&upload_token=" + publish.upload.uploadToken);
        }
        return data;
    }

    public SimResponse photo(HttpCall call) {
        Grant grant = gate.admit(call, Scopes.VIDEO_PUBLISH, Scopes.VIDEO_UPLOAD);
        JsonNode body = jsonBody(call);
        String mode = Json.string(body, "post_mode");
        if (!"PHOTO".equals(Json.string(body, "media_type"))) {
            throw invalid("media_type must be PHOTO.");
        }
        if (!"DIRECT_POST".equals(mode) && !"MEDIA_UPLOAD".equals(mode)) {
            throw invalid("post_mode must be DIRECT_POST or MEDIA_UPLOAD.");
        }
        boolean direct = "DIRECT_POST".equals(mode);
        String scope = direct ? Scopes.VIDEO_PUBLISH : Scopes.VIDEO_UPLOAD;
        if (!grant.scopes().contains(scope)) {
            throw ApiException.scopeNotAuthorized(scope);
        }
        WorldCreator creator = creatorOf(grant);
        return answerOnce(call, creator, body, request -> newPhoto(call, request, creator, direct));
    }

    private Publish newPhoto(HttpCall call, InitRequest request, WorldCreator creator, boolean direct) {
        JsonNode body = request.body();
        JsonNode postInfo = body.path("post_info");
        String title = Json.string(postInfo, "title");
        String description = Json.string(postInfo, "description");
        checkLength(title, MAX_PHOTO_TITLE, "title");
        checkLength(description, MAX_PHOTO_DESCRIPTION, "description");
        SourceInfo source = SourceInfo.photos(body.path("source_info"), world.settings());
        source.urls().forEach(rules::checkUrlOwnership);
        String privacy = null;
        if (direct) {
            rules.checkDirectPost(creator);
            privacy = rules.privacyFor(creator, Json.string(postInfo, "privacy_level"));
            checkBrandedPrivacy(postInfo, privacy);
        } else {
            if (!creator.appVersionAtLeast(MIN_APP_VERSION_FOR_PHOTO_UPLOAD)) {
                throw new ApiException(400, "app_version_check_failed",
                        "The user's TikTok app must be " + MIN_APP_VERSION_FOR_PHOTO_UPLOAD + " or newer.");
            }
            rules.checkInboxUpload(creator);
        }
        String caption = (title == null ? "" : title) + (description == null ? "" : "\n" + description);
        Publish publish = create(call, request, creator, direct ? PublishKind.DIRECT_PHOTO : PublishKind.INBOX_PHOTO,
                source, caption, privacy);
        engine.startPhotoDownload(publish);
        return publish;
    }

    private Publish create(HttpCall call, InitRequest request, WorldCreator creator, PublishKind kind,
                           SourceInfo source, String caption, String privacy) {
        String publishId = kind.idPrefix(source.fileUpload()) + ids.nineteenDigits();
        Publish publish = new Publish(publishId, creator, kind, source.fileUpload(), caption, privacy,
                source.urls(), clock.now(), request);
        if (source.fileUpload()) {
            ChunkPlan plan = source.plan();
            publish.upload = new Publish.Upload(Long.toString(ids.nineteenDigits()), uploadToken(),
                    clock.after(world.settings().uploadUrlLifetime()), plan.videoSize(), plan.chunkSize(),
                    plan.totalChunkCount(), sha256());
        }
        Fault fault = call.fault().orElse(null);
        if (fault != null && fault.kind() == FaultKind.FAIL_PUBLISH) {
            publish.pendingFailReason = fault.failReason();
        }
        publish.neverFinish = fault != null && fault.kind() == FaultKind.NEVER_FINISH;
        store.add(publish);
        return publish;
    }

    /** UNCONFIRMED upstream (only a UX rule is documented), hence a setting: branded content is never "only me". */
    private void checkBrandedPrivacy(JsonNode postInfo, String privacy) {
        if (world.settings().rejectBrandedSelfOnly() && Boolean.TRUE.equals(Json.bool(postInfo, "brand_content_toggle"))
                && "SELF_ONLY".equals(privacy)) {
            throw invalid("Branded content cannot be posted with privacy_level SELF_ONLY.");
        }
    }

    private JsonNode jsonBody(HttpCall call) {
        call.requireContentType("application/json", invalid("Content-Type must be application/json; charset=UTF-8."));
        return call.json(world.settings().invalidParamCode());
    }

    private WorldCreator creatorOf(Grant grant) {
        engine.advanceCreator(grant.creatorOpenId());
        return world.creator(grant.creatorOpenId()).orElseThrow(ApiException::accessTokenInvalid);
    }

    private void checkLength(String text, int max, String field) {
        // TikTok counts UTF-16 code units, which is exactly String.length()
        if (text != null && text.length() > max) {
            throw invalid(field + " is longer than " + max + " UTF-16 code units.");
        }
    }

    private ApiException invalid(String message) {
        return new ApiException(400, world.settings().invalidParamCode(), message);
    }

    /** The upload URL's credential: random, unlike the seeded ids, so that it cannot be guessed from the seed. */
    private String uploadToken() {
        StringBuilder token = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            token.append(TOKEN_ALPHABET.charAt(secureRandom.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
