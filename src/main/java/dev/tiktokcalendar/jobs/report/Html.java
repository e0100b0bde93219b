package dev.tiktokcalendar.jobs.report;

/** Escaping for text and attribute values written into HTML (and inline SVG). */
public final class Html {

    private Html() {
    }

    /** Escapes {@code & < > " '}; null becomes the empty string. Safe in element text and quoted attributes. */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters other than tab/newline are not allowed in HTML text
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A link to an http(s) URL, or the escaped text when the URL is not http(s) (no javascript: links). */
    public static String link(String url) {
        if (url == null) {
            return "";
        }
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            return escape(url);
        }
        return "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>";
    }
}
