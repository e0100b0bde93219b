package dev.tiktokcalendar.simulator.http;

/** A failed OAuth request, answered with the flat {@code {"error","error_description","log_id"}} body. */
public class OAuthException extends RuntimeException {

    private final String error;

    public OAuthException(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
