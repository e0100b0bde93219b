package dev.tiktokcalendar.tiktok.http;

import java.net.http.HttpHeaders;

/** A raw HTTP answer: status, headers and the (small, JSON) body. */
public record HttpAnswer(int status, HttpHeaders headers, byte[] body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return "HttpAnswer[status=" + status + ", bytes=" + body.length + "]";
    }
}
