package dev.tiktokcalendar.simulator.http;

/** Serves one endpoint; failures are thrown as {@link ApiException}, {@link OAuthException} or {@link UploadRejection}. */
@FunctionalInterface
public interface Handler {
    SimResponse handle(HttpCall call);
}
