package dev.tiktokcalendar.tiktok.api;

/** The body of {@code POST /v2/post/publish/inbox/video/init/} (contract §5): only {@code source_info} is documented. */
public record InboxVideoInit(VideoSource sourceInfo) {
}
