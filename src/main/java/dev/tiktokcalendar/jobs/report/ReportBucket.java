package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.calendar.PostState;

/** The final-state buckets a report counts posts in; every {@link PostState} falls in exactly one. */
public enum ReportBucket {
    PUBLISHED("published", "#2e7d32"),
    PUBLISHED_NO_PUBLIC_ID("published, no public id", "#81c784"),
    IN_INBOX("in inbox", "#1565c0"),
    DEFERRED("deferred", "#f9a825"),
    HELD("held", "#ef6c00"),
    UNKNOWN("unknown", "#6a1b9a"),
    FAILED("failed", "#c62828"),
    CANCELLED("cancelled", "#757575"),
    PENDING("still pending", "#90a4ae");

    private final String label;
    private final String color;

    ReportBucket(String label, String color) {
        this.label = label;
        this.color = color;
    }

    public String label() {
        return label;
    }

    public String color() {
        return color;
    }

    /** Posts of these buckets went out: their lateness and status calls are measured. */
    public boolean isPublished() {
        return this == PUBLISHED || this == PUBLISHED_NO_PUBLIC_ID;
    }

    /** Posts of these buckets need an operator's look: listed with their code, message, log id and action. */
    public boolean isProblem() {
        return this == DEFERRED || this == HELD || this == UNKNOWN || this == FAILED || this == PENDING;
    }

    public static ReportBucket of(PostState state) {
        return switch (state) {
            case PUBLISHED -> PUBLISHED;
            case PUBLISHED_NO_PUBLIC_ID -> PUBLISHED_NO_PUBLIC_ID;
            case IN_INBOX -> IN_INBOX;
            case DEFERRED -> DEFERRED;
            case HELD -> HELD;
            case UNKNOWN -> UNKNOWN;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
            case SCHEDULED, CLAIMED, INIT_IN_FLIGHT, UPLOADING, PROCESSING -> PENDING;
        };
    }
}
