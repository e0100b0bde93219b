package dev.tiktokcalendar.simulator.display;

import java.time.Instant;

/** A post that is publicly visible, as the Display API shows it. */
public record PublicVideo(long id, String creatorOpenId, String creatorUsername, Instant createTime, String title,
                          double durationSec, int width, int height) {
}
