package dev.tiktokcalendar.simulator.publish;

import java.security.MessageDigest;

/**
 * A chunk the upload endpoint accepted, and what it answered: enough to recognise the same chunk sent again
 * and to answer it the same way (setting {@code reput-accepted-chunk: ACCEPT}).
 */
record AcceptedChunk(long first, long last, byte[] sha256, int httpStatus) {

    boolean sameAs(long otherFirst, long otherLast, byte[] otherSha256) {
        return first == otherFirst && last == otherLast && MessageDigest.isEqual(sha256, otherSha256);
    }
}
