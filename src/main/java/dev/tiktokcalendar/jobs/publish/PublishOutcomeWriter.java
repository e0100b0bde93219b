package dev.tiktokcalendar.jobs.publish;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts where a chunk of posts ended ({@code calendar.publish.outcomes}) and logs the tally: failed, held or deferred
 * while being prepared, or PREPARED (handed to the {@link InitDispatcher}, which counts its init's outcome when it
 * goes out). The posts' states are already committed, so there is nothing left to write.
 */
public class PublishOutcomeWriter implements ItemWriter<PublishOutcome> {

    private static final Logger log = LoggerFactory.getLogger(PublishOutcomeWriter.class);

    private final MeterRegistry meters;

    public PublishOutcomeWriter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void write(Chunk<? extends PublishOutcome> outcomes) {
        Map<PublishOutcome, Integer> tally = new EnumMap<>(PublishOutcome.class);
        for (PublishOutcome outcome : outcomes) {
            tally.merge(outcome, 1, Integer::sum);
            meters.counter("calendar.publish.outcomes", "outcome", outcome.name()).increment();
        }
        log.info("Published a chunk of {} post(s): {}", outcomes.size(), tally);
    }
}
