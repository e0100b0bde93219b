package dev.tiktokcalendar.web.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's few pages are plain server-rendered HTML. Every value that did not come from this code goes
 * through {@link #e(Object)}; every form carries the CSRF token ({@link #csrf(HttpServletRequest)}).
 */
public final class Html {

    private Html() {
    }

    public static String e(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString());
    }

    public static String csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : "<input type=\"hidden\" name=\"" + e(token.getParameterName()) + "\" value=\""
                + e(token.getToken()) + "\">";
    }

    /** A whole page: title, the TikTok mode banner, the logged-in user, the body (already HTML). */
    public static String page(String title, String mode, String user, String body) {
        return """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>%s — tiktok-calendar</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}
                .mode{padding:.3em .6em;background:#ffe;border:1px solid #cc8;display:inline-block}</style></head>
                <body><p><span class="mode" id="mode">TikTok mode: %s</span> %s
                <a href="/console">workspaces</a></p><h1>%s</h1>
                %s</body></html>
                """.formatted(e(title), e(mode), user == null ? "" : "logged in as <b>" + e(user) + "</b> ·", e(title), body);
    }
}
