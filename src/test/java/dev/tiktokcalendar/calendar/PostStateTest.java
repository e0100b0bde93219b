package dev.tiktokcalendar.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostStateTest {

    @Test
    void anInitThatMayHaveLandedCanOnlyBeResolvedByReconciliationNotRetriedDirectly() {
        assertThat(PostState.INIT_IN_FLIGHT.canMoveTo(PostState.UNKNOWN)).isTrue();
        assertThat(PostState.INIT_IN_FLIGHT.canMoveTo(PostState.SCHEDULED)).isFalse();
        assertThat(PostState.INIT_IN_FLIGHT.canMoveTo(PostState.CLAIMED)).isFalse();
        assertThat(PostState.UNKNOWN.canMoveTo(PostState.INIT_IN_FLIGHT)).isFalse();
    }

    @Test
    void publishedIsTerminal() {
        for (PostState target : PostState.values()) {
            assertThat(PostState.PUBLISHED.canMoveTo(target)).as("PUBLISHED -> " + target).isFalse();
        }
        assertThat(PostState.PUBLISHED.isFinal()).isTrue();
        assertThat(PostState.PUBLISHED_NO_PUBLIC_ID.isFinal()).isFalse();
    }

    @Test
    void everyPendingStateIsPickedUpByExactlyOneJob() {
        for (PostState state : PostState.values()) {
            boolean publishing = PostState.DUE_FOR_PUBLISHING.contains(state);
            boolean reconciling = PostState.DUE_FOR_RECONCILIATION.contains(state);
            assertThat(publishing && reconciling).as(state + " in both").isFalse();
            assertThat(state.isFinal() && (publishing || reconciling)).as(state + " final yet picked up").isFalse();
        }
    }

    @Test
    void aTransitionRefusesAMoveTheStateMachineForbids() {
        assertThatThrownBy(() -> PostTransition.of(1, PostState.PUBLISHED, PostState.SCHEDULED, "x", Instant.now()))
                .hasMessage("A post cannot move from PUBLISHED to SCHEDULED");
    }

    @Test
    void aPendingTargetNeedsTheTimeToLookAgain() {
        assertThatThrownBy(() -> PostTransition.of(1, PostState.CLAIMED, PostState.DEFERRED, "rate limited", null))
                .hasMessageContaining("DEFERRED is a pending state");
    }
}
