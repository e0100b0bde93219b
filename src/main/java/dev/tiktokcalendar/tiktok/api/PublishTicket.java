package dev.tiktokcalendar.tiktok.api;

import dev.tiktokcalendar.tiktok.upload.UploadUrl;

/** An accepted init: the {@code publish_id} (≤ 64 chars) and, for FILE_UPLOAD, where to PUT the chunks (else null). */
public record PublishTicket(String publishId, UploadUrl uploadUrl) {
}
