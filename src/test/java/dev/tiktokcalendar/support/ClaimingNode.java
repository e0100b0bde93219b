package dev.tiktokcalendar.support;

import dev.tiktokcalendar.calendar.InitIntents;
import dev.tiktokcalendar.calendar.InitResults;
import dev.tiktokcalendar.calendar.NodeName;
import dev.tiktokcalendar.calendar.PostAttempts;
import dev.tiktokcalendar.calendar.PostClaimer;
import dev.tiktokcalendar.calendar.PostHistory;
import dev.tiktokcalendar.calendar.PostStateMachine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/** One node's claiming parts on the test database, for tests that claim, commit intents and record inits by hand. */
public final class ClaimingNode {

    public final PostStateMachine states;
    public final PostClaimer claimer;
    public final InitIntents intents;
    public final InitResults results;

    public ClaimingNode(String name, JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        NodeName node = new NodeName(name);
        PostHistory history = new PostHistory(jdbc, node);
        states = new PostStateMachine(jdbc, history, clock, transactionManager);
        claimer = new PostClaimer(jdbc, states, node, clock, transactionManager);
        intents = new InitIntents(jdbc, states, claimer, history, clock, transactionManager);
        results = new InitResults(jdbc, states, new PostAttempts(jdbc), history, clock, transactionManager);
    }
}
