package dev.tiktokcalendar.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a chunk's rows into the blocks of one multi-row statement each: blocks of {@link #MAX} rows, the rest in
 * powers of two. However chunks come out (refused rows, updates, the last chunk), a table then sees at most ten
 * statement texts, so the driver parses each once per connection ({@code cachePrepStmts}) and its cache of
 * parsed statements stays small.
 */
final class RowBlocks {

    static final int MAX = 512;

    private RowBlocks() {
    }

    /** The sizes of the blocks, in order, adding up to {@code rows}. */
    static List<Integer> of(int rows) {
        List<Integer> sizes = new ArrayList<>();
        int left = rows;
        while (left >= MAX) {
            sizes.add(MAX);
            left -= MAX;
        }
        for (int size = MAX / 2; size > 0; size /= 2) {
            if (left >= size) {
                sizes.add(size);
                left -= size;
            }
        }
        return sizes;
    }
}
