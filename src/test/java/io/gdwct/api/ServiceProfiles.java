package io.gdwct.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The service configurations the tests run under. Each profile boots its own application; every
 * one gets a fresh uploads folder (readable by the tests through {@link #uploadsDir()}).
 */
public final class ServiceProfiles {
    private static volatile Path uploads;

    private ServiceProfiles() {}

    /** The uploads folder of the application booted last. */
    public static Path uploadsDir() {
        return uploads;
    }

    static Map<String, String> base(Path models) {
        uploads = TestModels.newUploadsDir();
        Map<String, String> m = new HashMap<>();
        m.put("gdwct.models.dir", models.toString());
        m.put("gdwct.device", "cpu");
        m.put("gdwct.inference.warmup-sizes", "32");
        m.put("gdwct.inference.workers", "1");
        m.put("gdwct.inference.threads-per-worker", "2");
        m.put("quarkus.http.body.uploads-directory", uploads.toString());
        m.put("quarkus.shutdown.timeout", "5s");
        return m;
    }

    /** One tiny model named default; queue 8, deadline 30 s. */
    public static class Tiny implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return base(TestModels.tinyModels());
        }
    }

    /** The models folder is empty: the service starts and refuses translations. */
    public static class NoModels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return base(TestModels.emptyModels());
        }
    }

    /** The only model cannot load. */
    public static class BrokenModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return base(TestModels.brokenModels());
        }
    }

    /** 1 worker, a queue of 1 and a 1 s deadline, to test load shedding and deadlines. */
    public static class Overload implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = base(TestModels.tinyModels());
            m.put("gdwct.inference.queue-size", "1");
            m.put("gdwct.inference.deadline", "1s");
            return m;
        }
    }
}
