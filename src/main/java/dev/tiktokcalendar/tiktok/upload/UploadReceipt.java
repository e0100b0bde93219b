package dev.tiktokcalendar.tiktok.upload;

/** A finished upload: TikTok answered 201 (or reported every byte received); {@code puts} counts every PUT sent. */
public record UploadReceipt(long bytes, int chunks, int puts) {
}
