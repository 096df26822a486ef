package io.gdwct.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoolSizingTest {

    @Test
    void defaultsNeverOversubscribe() {
        assertEquals(new PoolSizing(1, 2, 2), PoolSizing.resolve(Optional.empty(), Optional.empty(), 2));
        assertEquals(new PoolSizing(1, 1, 1), PoolSizing.resolve(Optional.empty(), Optional.empty(), 1));
        assertEquals(new PoolSizing(2, 2, 4), PoolSizing.resolve(Optional.empty(), Optional.empty(), 4));
        assertEquals(new PoolSizing(8, 2, 16), PoolSizing.resolve(Optional.empty(), Optional.empty(), 16));
        assertEquals(new PoolSizing(1, 2, 3), PoolSizing.resolve(Optional.empty(), Optional.empty(), 3));
        for (int cores = 1; cores <= 64; cores++) {
            assertFalse(PoolSizing.resolve(Optional.empty(), Optional.empty(), cores).oversubscribed(), "cores " + cores);
        }
    }

    @Test
    void workersFollowAnExplicitThreadCount() {
        assertEquals(new PoolSizing(4, 1, 4), PoolSizing.resolve(Optional.empty(), Optional.of(1), 4));
        assertEquals(new PoolSizing(1, 8, 4), PoolSizing.resolve(Optional.empty(), Optional.of(8), 4));
    }

    @Test
    void explicitValuesAreObeyedEvenWhenOversubscribed() {
        PoolSizing s = PoolSizing.resolve(Optional.of(4), Optional.of(2), 2);
        assertEquals(4, s.workers());
        assertTrue(s.oversubscribed());
    }

    @Test
    void refusesNonPositiveValuesNamingTheSetting() {
        var e = assertThrows(IllegalArgumentException.class, () -> PoolSizing.resolve(Optional.of(0), Optional.empty(), 2));
        assertTrue(e.getMessage().contains("gdwct.inference.workers"));
        e = assertThrows(IllegalArgumentException.class, () -> PoolSizing.resolve(Optional.empty(), Optional.of(0), 2));
        assertTrue(e.getMessage().contains("gdwct.inference.threads-per-worker"));
    }
}
