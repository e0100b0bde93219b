package dev.tiktokcalendar.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;

/** This node's name in claims and histories: {@code calendar.node-name}, else host and process id. */
@Component
public class NodeName {

    private final String value;

    public NodeName(@Value("${calendar.node-name:}") String configured) {
        this.value = configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured;
    }

    public String value() {
        return value;
    }
}
