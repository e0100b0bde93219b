package dev.tiktokcalendar.tiktok;

import dev.tiktokcalendar.tiktok.api.ApiCall;
import dev.tiktokcalendar.tiktok.api.ApiCaller;
import dev.tiktokcalendar.tiktok.api.CreatorInfo;
import dev.tiktokcalendar.tiktok.api.DirectVideoInit;
import dev.tiktokcalendar.tiktok.api.Envelope;
import dev.tiktokcalendar.tiktok.api.InboxVideoInit;
import dev.tiktokcalendar.tiktok.api.PhotoInit;
import dev.tiktokcalendar.tiktok.api.PublishStatus;
import dev.tiktokcalendar.tiktok.api.PublishTicket;
import dev.tiktokcalendar.tiktok.api.TikTokJson;
import dev.tiktokcalendar.tiktok.api.UserInfo;
import dev.tiktokcalendar.tiktok.api.Video;
import dev.tiktokcalendar.tiktok.api.VideoPage;
import dev.tiktokcalendar.tiktok.error.CallKind;
import dev.tiktokcalendar.tiktok.error.ErrorCatalog;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import dev.tiktokcalendar.tiktok.ratelimit.RateBucket;
import dev.tiktokcalendar.tiktok.upload.ChunkPlan;
import dev.tiktokcalendar.tiktok.upload.ChunkUploader;
import dev.tiktokcalendar.tiktok.upload.MediaSource;
import dev.tiktokcalendar.tiktok.upload.UploadPermit;
import dev.tiktokcalendar.tiktok.upload.UploadReceipt;
import dev.tiktokcalendar.tiktok.upload.UploadUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The TikTok Content Posting and Display API for one app, per connected account (contract §2-§10). Every method
 * answers a {@link TikTokResult}: the typed data, or a classified error saying what to do (retry, reconcile, defer
 * until an instant, reconnect, give up on the account or on the post). Methods make blocking HTTP calls and may
 * pause between retries of safe calls: never call them inside a database transaction.
 */
public final class TikTokClient {

    private final ApiCaller api;
    private final ChunkUploader uploader;
    private final ErrorCatalog catalog;
    private final Clock clock;

    public TikTokClient(ApiCaller api, ChunkUploader uploader, ErrorCatalog catalog, Clock clock) {
        this.api = api;
        this.uploader = uploader;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** {@code GET /v2/user/info/?fields=…}; each field needs its scope (contract §1.9). */
    public TikTokResult<UserInfo> userInfo(long accountId, Collection<String> fields) {
        return api.call(accountId, new ApiCall<>("GET", "/v2/user/info/", "fields=" + csv(fields), null, CallKind.SAFE,
                RateBucket.DISPLAY, e -> TikTokJson.MAPPER.treeToValue(e.data().path("user"), UserInfo.class)));
    }

    public TikTokResult<CreatorInfo> creatorInfo(long accountId) {
        return api.call(accountId, new ApiCall<>("POST", "/v2/post/publish/creator_info/query/", null, Map.of(),
                CallKind.SAFE, RateBucket.CREATOR_INFO, e -> TikTokJson.MAPPER.treeToValue(e.data(), CreatorInfo.class)));
    }

    /** Direct Post of a video; never repeated. OUTCOME_UNKNOWN failures carry the publish id when one came back. */
    public TikTokResult<PublishTicket> initDirectVideo(long accountId, DirectVideoInit request) {
        return init(accountId, "/v2/post/publish/video/init/", request);
    }

    /** Upload of a video to the creator's inbox (drafts); never repeated. */
    public TikTokResult<PublishTicket> initInboxVideo(long accountId, InboxVideoInit request) {
        return init(accountId, "/v2/post/publish/inbox/video/init/", request);
    }

    /** A photo post (DIRECT_POST or MEDIA_UPLOAD); never repeated. */
    public TikTokResult<PublishTicket> initPhoto(long accountId, PhotoInit request) {
        return init(accountId, "/v2/post/publish/content/init/", request);
    }

    /** Sends the chunks of a FILE_UPLOAD init; the upload URL is the credential, so no account is involved. */
    public TikTokResult<UploadReceipt> upload(PublishTicket ticket, ChunkPlan plan, MediaSource source, String contentType) {
        return uploader.upload(ticket.uploadUrl(), plan, source, contentType);
    }

    /** As {@link #upload(PublishTicket, ChunkPlan, MediaSource, String)}; no chunk is sent once {@code permit} says no. */
    public TikTokResult<UploadReceipt> upload(PublishTicket ticket, ChunkPlan plan, MediaSource source, String contentType,
                                              UploadPermit permit) {
        return uploader.upload(ticket.uploadUrl(), plan, source, contentType, permit);
    }

    public TikTokResult<PublishStatus> fetchStatus(long accountId, String publishId) {
        return api.call(accountId, new ApiCall<>("POST", "/v2/post/publish/status/fetch/", null,
                Map.of("publish_id", publishId), CallKind.SAFE, RateBucket.STATUS, e -> status(e, publishId)));
    }

    /** Cancels a PULL_FROM_URL download in progress (best effort); counted against the status limit. */
    public TikTokResult<Void> cancel(long accountId, String publishId) {
        return api.call(accountId, new ApiCall<>("POST", "/v2/post/publish/cancel/", null,
                Map.of("publish_id", publishId), CallKind.SAFE, RateBucket.STATUS, e -> null));
    }

    /** One page of the creator's public videos, newest first; {@code cursor} (Unix ms) null for the first page. */
    public TikTokResult<VideoPage> listVideos(long accountId, Long cursor, int maxCount, Collection<String> fields) {
        ObjectNode body = TikTokJson.MAPPER.createObjectNode().put("max_count", Math.min(Math.max(maxCount, 1), 20));
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        return api.call(accountId, new ApiCall<>("POST", "/v2/video/list/", "fields=" + csv(fields), body, CallKind.SAFE,
                RateBucket.DISPLAY, e -> new VideoPage(videos(e.data().path("videos")), e.data().path("cursor").asLong(0),
                        e.data().path("has_more").asBoolean(false))));
    }

    /** The given videos (at most 20 ids) if they belong to the account. */
    public TikTokResult<List<Video>> queryVideos(long accountId, List<String> videoIds, Collection<String> fields) {
        if (videoIds.isEmpty() || videoIds.size() > 20) {
            throw new IllegalArgumentException("video/query takes 1 to 20 ids, got " + videoIds.size());
        }
        ObjectNode body = TikTokJson.MAPPER.createObjectNode();
        body.putObject("filters").putPOJO("video_ids", videoIds);
        return api.call(accountId, new ApiCall<>("POST", "/v2/video/query/", "fields=" + csv(fields), body, CallKind.SAFE,
                RateBucket.DISPLAY, e -> videos(e.data().path("videos"))));
    }

    private TikTokResult<PublishTicket> init(long accountId, String path, Object request) {
        return api.call(accountId, new ApiCall<>("POST", path, null, request, CallKind.INIT, RateBucket.INIT, e -> {
            String publishId = TikTokJson.text(e.data(), "publish_id");
            if (publishId == null || publishId.isEmpty()) {
                throw new IllegalStateException("init answered ok without a publish_id");
            }
            String uploadUrl = TikTokJson.text(e.data(), "upload_url");
            return new PublishTicket(publishId, uploadUrl == null ? null : UploadUrl.of(uploadUrl));
        }));
    }

    private PublishStatus status(Envelope envelope, String publishId) {
        JsonNode data = envelope.data();
        String raw = TikTokJson.text(data, "status");
        PublishStatus.State state = PublishStatus.State.of(raw);
        String failReason = TikTokJson.text(data, "fail_reason");
        return new PublishStatus(state, raw, failReason, TikTokJson.postIds(data.path("publicaly_available_post_id")),
                data.hasNonNull("uploaded_bytes") ? data.path("uploaded_bytes").asLong() : null,
                data.hasNonNull("downloaded_bytes") ? data.path("downloaded_bytes").asLong() : null,
                state == PublishStatus.State.FAILED
                        ? catalog.failReason(failReason, publishId, "/v2/post/publish/status/fetch/", clock.instant()) : null);
    }

    private static List<Video> videos(JsonNode array) {
        List<Video> videos = new ArrayList<>();
        for (JsonNode node : array) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            if (node.has("id")) {
                copy.put("id", TikTokJson.postId(node.path("id")));
            }
            videos.add(TikTokJson.MAPPER.treeToValue(copy, Video.class));
        }
        return List.copyOf(videos);
    }

    private static String csv(Collection<String> fields) {
        for (String field : fields) {
            if (!field.matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException("not a TikTok field name: " + field);
            }
        }
        return String.join(",", fields);
    }
}
