package dev.tiktokcalendar.importer;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RowBlocksTest {

    @Test
    void cutsRowsIntoFullBlocksAndPowersOfTwo() {
        assertThat(RowBlocks.of(0)).isEmpty();
        assertThat(RowBlocks.of(1)).containsExactly(1);
        assertThat(RowBlocks.of(1000)).containsExactly(512, 256, 128, 64, 32, 8);
        assertThat(RowBlocks.of(1025)).containsExactly(512, 512, 1);
    }

    @Test
    void anyRowCountGivesAtMostTenDistinctBlockSizesAddingUpToIt() {
        Set<Integer> sizes = new HashSet<>();
        IntStream.rangeClosed(0, 5000).forEach(rows -> {
            assertThat(RowBlocks.of(rows).stream().mapToInt(Integer::intValue).sum()).isEqualTo(rows);
            sizes.addAll(RowBlocks.of(rows));
        });
        assertThat(sizes).hasSize(10);
    }
}
