package io.gdwct.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The setting names promised by k8s/ and docs/deploy.md, their defaults, and the range checks. */
class ServiceConfigTest {

    static ServiceConfig config(Map<String, String> values) {
        SmallRyeConfig c = new SmallRyeConfigBuilder().withMapping(ServiceConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus's "30s" syntax
                .withSources(new PropertiesConfigSource(values, "test", 100)).build();
        return c.getConfigMapping(ServiceConfig.class);
    }

    @Test
    void defaults() {
        ServiceConfig c = config(Map.of());
        assertEquals("models", c.models().dir());
        assertEquals("default", c.models().defaultModel());
        assertEquals("auto", c.device());
        assertEquals(Optional.empty(), c.inference().workers());
        assertEquals(Optional.empty(), c.inference().threadsPerWorker());
        assertEquals(8, c.inference().queueSize());
        assertEquals(Duration.ofSeconds(30), c.inference().deadline());
        assertEquals(List.of(256), c.inference().warmupSizes());
        assertEquals(40_000_000L, c.limits().maxPixels());
        assertEquals(1024, c.limits().maxSide());
        ConfigCheck.validate(c);
    }

    @Test
    void theDocumentedNames() {
        ServiceConfig c = config(Map.ofEntries(Map.entry("gdwct.models.dir", "/app/models"),
                Map.entry("gdwct.models.default", "photo2art"), Map.entry("gdwct.device", "cpu"),
                Map.entry("gdwct.inference.workers", "3"), Map.entry("gdwct.inference.threads-per-worker", "4"),
                Map.entry("gdwct.inference.queue-size", "16"), Map.entry("gdwct.inference.deadline", "5s"),
                Map.entry("gdwct.inference.warmup-sizes", "128,256"), Map.entry("gdwct.limits.max-pixels", "1000000"),
                Map.entry("gdwct.limits.max-side", "512")));
        assertEquals("/app/models", c.models().dir());
        assertEquals("photo2art", c.models().defaultModel());
        assertEquals(Optional.of(3), c.inference().workers());
        assertEquals(Optional.of(4), c.inference().threadsPerWorker());
        assertEquals(16, c.inference().queueSize());
        assertEquals(Duration.ofSeconds(5), c.inference().deadline());
        assertEquals(List.of(128, 256), c.inference().warmupSizes());
        assertEquals(1_000_000L, c.limits().maxPixels());
        assertEquals(512, c.limits().maxSide());
        ConfigCheck.validate(c);
    }

    @Test
    void badValuesAreNamedWithTheirRange() {
        assertRefused(Map.of("gdwct.inference.queue-size", "0"), "gdwct.inference.queue-size");
        assertRefused(Map.of("gdwct.inference.deadline", "0s"), "gdwct.inference.deadline");
        assertRefused(Map.of("gdwct.inference.warmup-sizes", "2048"), "gdwct.inference.warmup-sizes");
        assertRefused(Map.of("gdwct.limits.max-side", "8"), "gdwct.limits.max-side");
        assertRefused(Map.of("gdwct.device", "tpu"), "gdwct.device");
    }

    private static void assertRefused(Map<String, String> values, String name) {
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigCheck.validate(config(values)));
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
    }
}
