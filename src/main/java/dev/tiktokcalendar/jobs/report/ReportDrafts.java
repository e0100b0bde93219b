package dev.tiktokcalendar.jobs.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The drafts of one job execution, handed from the collecting step to the publishing step. The reader sorts
 * posts by workspace, so only the current workspace's files are open at any time.
 */
public class ReportDrafts {

    private final ReportRequest request;
    private final Map<Long, WorkspaceDraft> drafts = new LinkedHashMap<>();
    private WorkspaceDraft current;

    public ReportDrafts(ReportRequest request) {
        this.request = request;
    }

    public ReportRequest request() {
        return request;
    }

    void add(ReportLine line) throws IOException {
        ReportPost post = line.post();
        if (current == null || current.workspaceId != post.workspaceId()) {
            closeCurrent();
            current = drafts.computeIfAbsent(post.workspaceId(), id -> create(id, post.workspaceSlug()));
        }
        current.add(line);
    }

    /** The draft of a workspace; an empty one (closed, with empty files) for a workspace without posts. */
    WorkspaceDraft of(long workspaceId, String slug) {
        WorkspaceDraft draft = drafts.computeIfAbsent(workspaceId, id -> create(id, slug));
        close(draft);
        return draft;
    }

    void clear() {
        closeCurrent();
        drafts.clear();
    }

    void closeCurrent() {
        if (current != null) {
            close(current);
            current = null;
        }
    }

    private WorkspaceDraft create(long workspaceId, String slug) {
        return new WorkspaceDraft(workspaceId, slug, request.directoryOf(slug), request.zone());
    }

    private static void close(WorkspaceDraft draft) {
        try {
            draft.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
