package dev.tiktokcalendar.importer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the direct posts an import accepts, per account, as (minute, line) pairs in primitive arrays, and
 * finds accounts with more than the cap in some rolling 24 hours (TikTok: about 15 direct posts per creator
 * per day, shared across all apps; docs/tiktok-api.md §12). One warning per account, at its first crowded window.
 */
public class DailyCapTracker {

    private static final long WINDOW_MINUTES = Duration.ofHours(24).toMinutes();

    private static final class Posts {
        long[] entries = new long[16];
        int size;
        String name;

        void add(long minute, long line) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
            }
            entries[size++] = (minute << 24) | (line & 0xFFFFFF);
        }
    }

    private final Map<Long, Posts> byAccount = new HashMap<>();

    public synchronized void add(long accountId, String accountName, Instant publishAt, long line) {
        Posts posts = byAccount.computeIfAbsent(accountId, id -> new Posts());
        posts.name = accountName;
        posts.add(publishAt.getEpochSecond() / 60, Math.min(line, 0xFFFFFF));
    }

    /** One warning per account that has more than {@code cap} direct posts in some rolling 24 h. */
    public synchronized List<RowProblem> warnings(int cap) {
        List<RowProblem> warnings = new ArrayList<>();
        byAccount.forEach((id, posts) -> {
            long[] sorted = Arrays.copyOf(posts.entries, posts.size);
            Arrays.sort(sorted);
            int start = 0;
            for (int end = 0; end < sorted.length; end++) {
                while ((sorted[end] >>> 24) - (sorted[start] >>> 24) >= WINDOW_MINUTES) {
                    start++;
                }
                int count = end - start + 1;
                if (count > cap) {
                    while (end + 1 < sorted.length && (sorted[end + 1] >>> 24) - (sorted[start] >>> 24) < WINDOW_MINUTES) {
                        end++;
                    }
                    count = end - start + 1;
                    Instant from = Instant.ofEpochSecond((sorted[start] >>> 24) * 60);
                    long line = sorted[end] & 0xFFFFFF;
                    warnings.add(RowProblem.warning(line, "publish_at", "DAILY_CAP", "account " + posts.name + " has "
                            + count + " direct posts in the 24 h from " + from + "; TikTok lets a creator publish about "
                            + cap + " a day through the API (spam_risk_too_many_posts)", null));
                    break;
                }
            }
        });
        warnings.sort((a, b) -> Long.compare(a.line(), b.line()));
        return warnings;
    }
}
