package dev.tiktokcalendar.tiktok.http;

import java.util.Map;
import java.util.TreeMap;

/** A raw HTTP answer: status, headers (the first value of each, names case-insensitive) and the (small, JSON) body. */
public record HttpAnswer(int status, Map<String, String> headers, byte[] body) {

    public HttpAnswer {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        headers = byName;
    }

    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public String toString() {
        return "HttpAnswer[status=" + status + ", bytes=" + body.length + "]";
    }
}
