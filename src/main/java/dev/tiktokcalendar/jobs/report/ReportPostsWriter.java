package dev.tiktokcalendar.jobs.report;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Streams the day's posts into their workspace's draft. The step always starts from scratch (restart reruns
 * it, see the job's README), so the writer keeps no restart state: {@link #open} discards any earlier draft.
 */
public class ReportPostsWriter implements ItemStreamWriter<ReportLine> {

    private final ReportDrafts drafts;

    public ReportPostsWriter(ReportDrafts drafts) {
        this.drafts = drafts;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        drafts.clear();
    }

    @Override
    public void write(Chunk<? extends ReportLine> chunk) throws Exception {
        for (ReportLine line : chunk) {
            drafts.add(line);
        }
    }

    @Override
    public void close() {
        drafts.closeCurrent();
    }
}
