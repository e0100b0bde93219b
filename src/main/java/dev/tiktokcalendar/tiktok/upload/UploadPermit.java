package dev.tiktokcalendar.tiktok.upload;

/**
 * Asked before every chunk of an upload: the chunks of a FILE_UPLOAD publish may only be sent while the sender still
 * holds the post, because whoever took it over may already have started a fresh init (a second, duplicate post if
 * both uploads completed).
 */
@FunctionalInterface
public interface UploadPermit {

    /** The error code of an upload stopped because its permit was withdrawn. */
    String WITHDRAWN = "upload_permit_withdrawn";

    UploadPermit ALWAYS = () -> true;

    boolean mayContinue();
}
