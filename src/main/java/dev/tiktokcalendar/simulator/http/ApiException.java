package dev.tiktokcalendar.simulator.http;

/**
 * A failed data-endpoint request: the HTTP status and the {@code error.code}/{@code error.message} of the
 * envelope. Messages never contain tokens or secrets.
 */
public class ApiException extends RuntimeException {

    private final int httpStatus;
    private final String code;

    public ApiException(int httpStatus, String code, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public static ApiException accessTokenInvalid() {
        return new ApiException(401, "access_token_invalid",
                "The access token is invalid or not found in the request.");
    }

    public static ApiException scopeNotAuthorized(String scope) {
        return new ApiException(401, "scope_not_authorized",
                "The user did not authorize the scope required for completing this request: " + scope);
    }

    public static ApiException rateLimited() {
        return new ApiException(429, "rate_limit_exceeded",
                "API rate limit was exceeded, only 1 request is allowed per minute.");
    }

    public static ApiException internal() {
        return new ApiException(500, "internal_error", "Something went wrong. Please try again later.");
    }
}
