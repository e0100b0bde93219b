package dev.tiktokcalendar.simulator.publish;

import dev.tiktokcalendar.simulator.http.ApiException;
import dev.tiktokcalendar.simulator.http.HttpCall;
import dev.tiktokcalendar.simulator.http.Json;
import dev.tiktokcalendar.simulator.http.Responses;
import dev.tiktokcalendar.simulator.http.SimResponse;
import dev.tiktokcalendar.simulator.oauth.Grant;
import dev.tiktokcalendar.simulator.oauth.RequestGate;
import dev.tiktokcalendar.simulator.oauth.Scopes;
import dev.tiktokcalendar.simulator.world.SimClock;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;

/**
 * {@code POST /v2/post/publish/status/fetch/} and {@code POST /v2/post/publish/cancel/} (contract §8, §9).
 * {@code publicaly_available_post_id} (sic) is a list of JSON numbers, empty until a public post passed
 * moderation and forever for non-public posts. Cancel documents 403 {@code url_ownership_unverified} without
 * saying when; the simulator answers it for a PULL_FROM_URL publish whose URL the app no longer has verified
 * (the property was removed after the init), before looking at whether the publish can still be cancelled.
 * How long a publish_id stays known is undocumented: for the whole run, or {@code publish-id-retention}.
 */
public final class StatusEndpoints {

    private final RequestGate gate;
    private final PublishStore store;
    private final ProcessingEngine engine;
    private final PostingRules rules;
    private final SimClock clock;
    private final Duration publishIdRetention;
    private final Responses responses;

    public StatusEndpoints(RequestGate gate, PublishStore store, ProcessingEngine engine, PostingRules rules,
                           SimClock clock, Duration publishIdRetention, Responses responses) {
        this.gate = gate;
        this.store = store;
        this.engine = engine;
        this.rules = rules;
        this.clock = clock;
        this.publishIdRetention = publishIdRetention;
        this.responses = responses;
    }

    public SimResponse fetch(HttpCall call) {
        Publish publish = ownedPublish(call);
        engine.advance(publish);
        ObjectNode data = Json.object();
        synchronized (publish) {
            data.put("status", publish.status.name());
            if (publish.status == PublishStatus.FAILED) {
                data.put("fail_reason", publish.failReason);
            }
            ArrayNode postIds = data.putArray("publicaly_available_post_id");
            publish.publicPostIds.forEach(postIds::add);
            if (publish.fileUpload) {
                data.put("uploaded_bytes", publish.upload.uploadedBytes);
            } else {
                data.put("downloaded_bytes", publish.downloadedBytes);
            }
        }
        return responses.ok(data);
    }

    public SimResponse cancel(HttpCall call) {
        Publish publish = ownedPublish(call);
        publish.sourceUrls.forEach(rules::checkUrlOwnership);
        if (!engine.cancel(publish)) {
            throw new ApiException(400, "publish_not_cancellable",
                    "Only a PULL_FROM_URL download that has not finished can be cancelled.");
        }
        return responses.ok(null);
    }

    private boolean stillKnown(Publish publish) {
        return publishIdRetention == null
                || clock.now().isBefore(publish.createdAt.plus(clock.scaled(publishIdRetention)));
    }

    private Publish ownedPublish(HttpCall call) {
        Grant grant = gate.admit(call, Scopes.VIDEO_PUBLISH, Scopes.VIDEO_UPLOAD);
        call.requireContentType("application/json",
                new ApiException(400, "invalid_params", "Content-Type must be application/json; charset=UTF-8."));
        String publishId = Json.string(call.json("invalid_params"), "publish_id");
        if (publishId == null) {
            throw new ApiException(400, "invalid_params", "publish_id is required.");
        }
        Publish publish = store.byId(publishId)
                .filter(this::stillKnown)
                .orElseThrow(() -> new ApiException(400, "invalid_publish_id", "The publish_id is not valid."));
        if (!publish.creator.openId().equals(grant.creatorOpenId())) {
            throw new ApiException(400, "token_not_authorized_for_specified_publish_id",
                    "The access token is not authorized for this publish_id.");
        }
        return publish;
    }
}
