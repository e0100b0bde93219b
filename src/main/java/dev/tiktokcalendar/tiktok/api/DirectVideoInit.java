package dev.tiktokcalendar.tiktok.api;

/** The body of {@code POST /v2/post/publish/video/init/} (contract §4). */
public record DirectVideoInit(VideoPostInfo postInfo, VideoSource sourceInfo) {
}
