package dev.tiktokcalendar.simulator.http;

import java.util.Map;

/** A refused media PUT: a bare HTTP status, optionally with the progress {@code Content-Range} header. */
public class UploadRejection extends RuntimeException {

    private final int httpStatus;
    private final Map<String, String> headers;

    public UploadRejection(int httpStatus, String reason, Map<String, String> headers) {
        super(reason, null, false, false);
        this.httpStatus = httpStatus;
        this.headers = Map.copyOf(headers);
    }

    public UploadRejection(int httpStatus, String reason) {
        this(httpStatus, reason, Map.of());
    }

    public SimResponse response() {
        return SimResponse.empty(httpStatus, headers);
    }
}
