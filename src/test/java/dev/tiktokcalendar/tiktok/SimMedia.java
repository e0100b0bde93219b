package dev.tiktokcalendar.tiktok;

import java.lang.reflect.Method;

/**
 * Valid MP4 bytes the simulator's media probe accepts, made by the simulator's own test helper (package-private
 * there, so reached by reflection rather than copied).
 */
public final class SimMedia {

    private SimMedia() {
    }

    /** A 10 s, 30 fps, 1080x1920 MP4 (a few hundred bytes: the probe reads the boxes, not the frames). */
    public static byte[] validMp4() {
        try {
            Method method = Class.forName("dev.tiktokcalendar.simulator.TestMedia")
                    .getDeclaredMethod("mp4", double.class, int.class, int.class, int.class);
            method.setAccessible(true);
            return (byte[]) method.invoke(null, 10.0, 30, 1080, 1920);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the simulator's TestMedia.mp4(double, int, int, int) is gone", e);
        }
    }
}
