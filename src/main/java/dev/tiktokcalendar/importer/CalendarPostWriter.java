package dev.tiktokcalendar.importer;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a chunk of checked rows as posts with one look-up and a few bulk statements. For each row: a new key
 * is inserted as SCHEDULED (next_attempt_at = publish_at); a known key with the same fingerprint is unchanged;
 * a known key with new content is updated only while the post has not started publishing (SCHEDULED, DEFERRED,
 * HELD), guarded by its version; anything else is refused with the reason. A dry run classifies the same way
 * and writes nothing but the report. Its counters are saved with the chunk, so a restarted step goes on
 * counting where the last commit left off.
 * <p>
 * Calendars mostly bring new posts, and the look-up of a chunk's keys cost ~13 % of the import. So while the
 * chunks find no known key, a chunk whose rows all lie in the future is first written as new without looking
 * up: the unique key decides. If any key is taken, that attempt is undone ({@link ImportedPosts#insertIfAllNew}) and the chunk
 * goes the way above; so does the next chunk, until one finds no known key again.
 */
public class CalendarPostWriter implements ItemStreamWriter<PostDraft> {

    static final Set<String> EDITABLE_STATES = Set.of("SCHEDULED", "DEFERRED", "HELD");
    private static final String[] COUNTERS = {"added", "updated", "unchanged", "refused"};

    private final ImportedPosts posts;
    private final ImportRunRepository runs;
    private final ImportRequest request;
    private final Clock clock;
    private final Map<String, Integer> counts = new HashMap<>();
    /** Whether the last chunk looked up found no post: then the next is first written as new, without a look-up. */
    private boolean newPostsLikely = true;

    public CalendarPostWriter(ImportedPosts posts, ImportRunRepository runs, ImportRequest request, Clock clock) {
        this.posts = posts;
        this.runs = runs;
        this.request = request;
        this.clock = clock;
    }

    @Override
    public void open(ExecutionContext context) {
        for (String counter : COUNTERS) {
            counts.put(counter, context.getInt("writer." + counter, 0));
        }
    }

    @Override
    public void update(ExecutionContext context) {
        counts.forEach((counter, value) -> context.putInt("writer." + counter, value));
    }

    public int count(String counter) {
        return counts.getOrDefault(counter, 0);
    }

    static int counter(ExecutionContext context, String counter) {
        return context.getInt("writer." + counter, 0);
    }

    @Override
    public void write(Chunk<? extends PostDraft> chunk) {
        List<? extends PostDraft> drafts = chunk.getItems();
        Instant now = clock.instant();
        if (newPostsLikely && !request.dryRun() && drafts.stream().noneMatch(d -> d.publishAt().isBefore(now))
                && posts.insertIfAllNew(drafts, now)) {
            counts.merge("added", drafts.size(), Integer::sum);
            drafts.forEach(this::recordWarnings);
            return;
        }
        Map<String, ImportedPosts.Existing> existing = posts.existing(drafts);
        newPostsLikely = existing.isEmpty();
        List<PostDraft> inserts = new ArrayList<>();
        List<PostDraft> updates = new ArrayList<>();
        List<ImportedPosts.Existing> updated = new ArrayList<>();
        for (PostDraft draft : drafts) {
            ImportedPosts.Existing post = existing.get(draft.externalKey());
            boolean past = draft.publishAt().isBefore(now);
            if (post != null && draft.fingerprint().equals(post.fingerprint())) {
                counts.merge("unchanged", 1, Integer::sum);
            } else if (post != null && !EDITABLE_STATES.contains(post.state())) {
                refuse(draft, "POST_STARTED", "this post has already started publishing (state " + post.state()
                        + "); it is not changed. Give the row a new external_id to schedule another post");
            } else if (past) {
                refuse(draft, "IN_PAST", "publish_at " + draft.publishAt() + " is in the past (now " + now.truncatedTo(ChronoUnit.SECONDS) + ")");
            } else if (post == null) {
                inserts.add(draft);
            } else {
                updates.add(draft);
                updated.add(post);
            }
            recordWarnings(draft);
        }
        counts.merge("added", inserts.size(), Integer::sum);
        counts.merge("updated", updates.size(), Integer::sum);
        if (request.dryRun()) {
            return;
        }
        posts.insert(inserts, now);
        boolean[] changed = posts.update(updates, updated, now);
        for (int n = 0; n < changed.length; n++) {
            if (!changed[n]) {
                counts.merge("updated", -1, Integer::sum);
                refuse(updates.get(n), "POST_STARTED", "this post started publishing while the import ran; it is not changed");
            }
        }
    }

    private void recordWarnings(PostDraft draft) {
        if (!draft.warnings().isEmpty()) {
            runs.addProblems(request.runId(), draft.warnings(), draft.cells());
        }
    }

    private void refuse(PostDraft draft, String code, String reason) {
        counts.merge("refused", 1, Integer::sum);
        runs.addProblems(request.runId(), List.of(RowProblem.error(draft.line(), "external_id", code, reason, null)), draft.cells());
    }
}
