package dev.tiktokcalendar.simulator.publish;

import dev.tiktokcalendar.simulator.http.ApiException;
import dev.tiktokcalendar.simulator.http.Json;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated {@code source_info}: FILE_UPLOAD with its chunk plan, or PULL_FROM_URL with its URL(s).
 * Invalid input is 400 with the configured invalid-param code; chunk problems carry TikTok's message
 * "The chunk size is invalid".
 */
record SourceInfo(boolean fileUpload, ChunkPlan plan, List<String> urls, int coverIndex) {

    static final int MAX_PHOTOS = 35;

    static SourceInfo video(JsonNode node, SimulatorSettings settings) {
        String code = settings.invalidParamCode();
        String source = Json.string(node, "source");
        if ("FILE_UPLOAD".equals(source)) {
            Long size = Json.integer(node, "video_size");
            Long chunk = Json.integer(node, "chunk_size");
            Long total = Json.integer(node, "total_chunk_count");
            if (size == null || chunk == null || total == null) {
                throw new ApiException(400, code, "video_size, chunk_size and total_chunk_count are required for FILE_UPLOAD.");
            }
            if (size > settings.maxVideoSize()) {
                throw new ApiException(400, code, "The video size is too large.");
            }
            ChunkPlan plan = new ChunkPlan(size, chunk, total);
            if (plan.problem(ChunkPlan.Bounds.of(settings.chunkRules())).isPresent()) {
                throw new ApiException(400, code, "The chunk size is invalid");
            }
            return new SourceInfo(true, plan, List.of(), 0);
        }
        if ("PULL_FROM_URL".equals(source)) {
            String url = Json.string(node, "video_url");
            if (url == null || url.isBlank()) {
                throw new ApiException(400, code, "video_url is required for PULL_FROM_URL.");
            }
            return new SourceInfo(false, null, List.of(url), 0);
        }
        throw new ApiException(400, code, "source_info.source must be FILE_UPLOAD or PULL_FROM_URL.");
    }

    static SourceInfo photos(JsonNode node, SimulatorSettings settings) {
        String code = settings.invalidParamCode();
        if (!"PULL_FROM_URL".equals(Json.string(node, "source"))) {
            throw new ApiException(400, code, "Photos can only be posted with source PULL_FROM_URL.");
        }
        JsonNode images = node.path("photo_images");
        if (!images.isArray() || images.isEmpty() || images.size() > MAX_PHOTOS) {
            throw new ApiException(400, code, "photo_images must hold 1 to " + MAX_PHOTOS + " URLs.");
        }
        List<String> urls = new ArrayList<>();
        for (JsonNode image : images) {
            if (!image.isString() || image.stringValue().isBlank()) {
                throw new ApiException(400, code, "photo_images must be URLs.");
            }
            urls.add(image.stringValue());
        }
        Long cover = Json.integer(node, "photo_cover_index");
        if (cover == null || cover < 0 || cover >= urls.size()) {
            throw new ApiException(400, code, "photo_cover_index must be an index into photo_images.");
        }
        return new SourceInfo(false, null, urls, cover.intValue());
    }
}
