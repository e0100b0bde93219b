package dev.tiktokcalendar.tiktok.api;

/** A Display API video object (contract §10.3); {@code id} is the decimal post id, {@code createTime} Unix seconds. */
public record Video(String id, Long createTime, String coverImageUrl, String shareUrl, String videoDescription,
                    Integer duration, Integer height, Integer width, String title, String embedHtml, String embedLink,
                    Integer likeCount, Integer commentCount, Integer shareCount, Long viewCount) {
}
