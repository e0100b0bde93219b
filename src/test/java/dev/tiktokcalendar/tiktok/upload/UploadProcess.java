package dev.tiktokcalendar.tiktok.upload;

import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.error.ErrorCatalog;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import dev.tiktokcalendar.tiktok.http.TikTokHttp;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uploads one file to an upload URL in its own (heap-capped) JVM and prints {@code heap-growth-bytes=N}: the used
 * heap after GC at the end minus before. Exit status 0 only if the upload finished. Used by {@link UploadTest}.
 */
public final class UploadProcess {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        TikTokProperties settings = TikTokProperties.forBaseUrl("http://127.0.0.1", "", "");
        ChunkUploader uploader = new ChunkUploader(new TikTokHttp(settings.connectTimeout()), settings,
                new ErrorCatalog(settings.retry().deferrals()));
        long size = Files.size(file);
        ChunkPlan plan = new ChunkPlan(size, Long.parseLong(args[2]), (int) (size / Long.parseLong(args[2])));
        long before = usedAfterGc();
        TikTokResult<UploadReceipt> result = uploader.upload(UploadUrl.of(args[0]), plan, new FileMediaSource(file), "video/mp4");
        long growth = Math.max(0, usedAfterGc() - before);
        System.out.println("result=" + (result.isOk() ? "ok" : result.error().summary()) + " heap-growth-bytes=" + growth
                + " max-heap=" + Runtime.getRuntime().maxMemory());
        System.exit(result.isOk() ? 0 : 1);
    }

    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
