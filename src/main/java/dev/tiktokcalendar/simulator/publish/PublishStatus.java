package dev.tiktokcalendar.simulator.publish;

/** The {@code status} values of status/fetch (contract §8). */
public enum PublishStatus {
    PROCESSING_UPLOAD, PROCESSING_DOWNLOAD, SEND_TO_USER_INBOX, PUBLISH_COMPLETE, FAILED;

    public boolean processing() {
        return this == PROCESSING_UPLOAD || this == PROCESSING_DOWNLOAD;
    }
}
