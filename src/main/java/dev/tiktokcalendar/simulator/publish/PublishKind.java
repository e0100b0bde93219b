package dev.tiktokcalendar.simulator.publish;

/** What an init asked for, and the prefix of the publish ids TikTok hands out for it (contract §15). */
public enum PublishKind {
    DIRECT_VIDEO(true, false),
    INBOX_VIDEO(false, false),
    DIRECT_PHOTO(true, true),
    INBOX_PHOTO(false, true);

    private final boolean direct;
    private final boolean photo;

    PublishKind(boolean direct, boolean photo) {
        this.direct = direct;
        this.photo = photo;
    }

    public boolean direct() {
        return direct;
    }

    public boolean photo() {
        return photo;
    }

    /** Webhook {@code publish_type}: INBOX_SHARE is documented, DIRECT_PUBLISH observed. */
    public String webhookPublishType() {
        return direct ? "DIRECT_PUBLISH" : "INBOX_SHARE";
    }

    String idPrefix(boolean fileUpload) {
        if (photo) {
            return "p_pub_url~v2.";
        }
        if (direct) {
            return fileUpload ? "v_pub_file~v2-1." : "v_pub_url~v2.";
        }
        return fileUpload ? "v_inbox_file~v2." : "v_inbox_url~v2.";
    }
}
