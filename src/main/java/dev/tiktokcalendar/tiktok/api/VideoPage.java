package dev.tiktokcalendar.tiktok.api;

import java.util.List;

/** One page of {@code video/list}: newest first; {@code cursor} (Unix ms) asks for the next page. */
public record VideoPage(List<Video> videos, long cursor, boolean hasMore) {
}
