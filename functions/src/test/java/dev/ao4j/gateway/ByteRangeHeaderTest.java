package dev.ao4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeHeaderTest {
    @Test
    void singleRangesInEveryForm() throws Exception {
        assertEquals(Optional.of(new ByteRangeHeader(2, 5)), ByteRangeHeader.parse("bytes=2-5", 10));
        assertEquals(Optional.of(new ByteRangeHeader(2, 9)), ByteRangeHeader.parse("bytes=2-", 10));
        assertEquals(Optional.of(new ByteRangeHeader(7, 9)), ByteRangeHeader.parse("bytes=-3", 10));
        assertEquals(Optional.of(new ByteRangeHeader(0, 9)), ByteRangeHeader.parse("bytes=-30", 10), "a suffix longer than the data is all of it");
        assertEquals(Optional.of(new ByteRangeHeader(4, 9)), ByteRangeHeader.parse("bytes=4-99", 10), "the end is clamped");
        assertEquals("bytes 2-5/10", new ByteRangeHeader(2, 5).contentRange(10));
    }

    @Test
    void whatIsNotOneRangeMeansEverything() throws Exception {
        assertEquals(Optional.empty(), ByteRangeHeader.parse(null, 10));
        assertEquals(Optional.empty(), ByteRangeHeader.parse("bytes=0-1,4-5", 10));
        assertEquals(Optional.empty(), ByteRangeHeader.parse("items=0-1", 10));
        assertEquals(Optional.empty(), ByteRangeHeader.parse("bytes=x-y", 10));
    }

    @Test
    void rangesOutsideTheDataAreUnsatisfiable() {
        assertThrows(ByteRangeHeader.UnsatisfiableRange.class, () -> ByteRangeHeader.parse("bytes=10-", 10));
        assertThrows(ByteRangeHeader.UnsatisfiableRange.class, () -> ByteRangeHeader.parse("bytes=5-2", 10));
        assertThrows(ByteRangeHeader.UnsatisfiableRange.class, () -> ByteRangeHeader.parse("bytes=-0", 10));
        assertThrows(ByteRangeHeader.UnsatisfiableRange.class, () -> ByteRangeHeader.parse("bytes=0-", 0));
    }
}
