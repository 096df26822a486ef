package io.gdwct.inference;

import ai.djl.Device;
import io.gdwct.core.DeviceSelector;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Brings the service up and down. Nothing serves until {@link #start()} is called (by the serve
 * command), so the other commands, which share this application, never load a model for serving.
 * {@code start} checks the settings, sizes libtorch's threads, then, on a thread of its own so the
 * probes answer at once, selects the device, loads every model, starts the {@link InferencePool} and
 * lets each worker warm up. Readiness follows the {@link Phase}. At shutdown it stops admission and
 * lets the workers finish what is running and queued, within the Quarkus shutdown timeout.
 */
@ApplicationScoped
public class ServingLifecycle {
    private static final Logger LOG = Logger.getLogger(ServingLifecycle.class);

    /** Where the service stands. */
    public enum Phase { IDLE, LOADING, WARMING, READY, FAILED, SHUTTING_DOWN }

    @Inject
    ServiceConfig config;

    @Inject
    ModelRegistry registry;

    @Inject
    InferenceMetrics metrics;

    @ConfigProperty(name = "quarkus.shutdown.timeout")
    Optional<Duration> shutdownTimeout;

    private volatile Phase phase = Phase.IDLE;
    private volatile String failure;
    private volatile InferencePool pool;

    /**
     * Starts serving: loads the models and starts the workers in the background. Later calls do
     * nothing.
     *
     * @throws IllegalArgumentException naming the first bad setting ({@link ConfigCheck})
     */
    public synchronized void start() {
        if (phase != Phase.IDLE) {
            return;
        }
        ConfigCheck.validate(config); // a bad setting stops serve with one line
        PoolSizing sizing = PoolSizing.from(config.inference());
        if (sizing.oversubscribed()) {
            LOG.warnf("Inference pool oversubscribes the CPU: %s (gdwct.inference.workers x threads-per-worker > cores)", sizing);
        }
        TorchThreads.apply(sizing.threadsPerWorker());
        phase = Phase.LOADING;
        Thread loader = new Thread(() -> start(sizing), "gdwct-model-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void start(PoolSizing sizing) {
        long t0 = System.nanoTime();
        try {
            Device device = DeviceSelector.select(config.device());
            registry.loadAll(Path.of(config.models().dir()), config.models().defaultModel(), device);
            if (registry.servingNames().isEmpty()) {
                phase = Phase.READY;
                return;
            }
            phase = Phase.WARMING;
            InferencePool p = new InferencePool("gdwct-inference", sizing.workers(), config.inference().queueSize(),
                    () -> WorkerModels.open(registry, config.inference().warmupSizes()), metrics);
            metrics.bindPool(p);
            pool = p;
            p.awaitStarted(Duration.ofDays(365));
            LOG.infof("Serving %s with %s, queue %d, deadline %s; ready in %d ms", registry.servingNames(), sizing,
                    config.inference().queueSize(), config.inference().deadline(), (System.nanoTime() - t0) / 1_000_000);
            phase = Phase.READY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("start-up interrupted");
        } catch (Exception | Error e) {
            LOG.debug("start-up failure", e);
            String m = e.getMessage() == null ? "start-up failed" : e.getMessage();
            Path root = Path.of(config.models().dir());
            fail(m.replace(root.toAbsolutePath().normalize().toString(), "gdwct.models.dir")); // no server paths
        }
    }

    private void fail(String reason) {
        failure = reason;
        phase = Phase.FAILED;
        LOG.errorf("The service cannot serve: %s", reason);
    }

    void onStop(@Observes ShutdownEvent event) {
        Phase before = phase;
        phase = Phase.SHUTTING_DOWN;
        InferencePool p = pool;
        if (p == null || before == Phase.IDLE) {
            return;
        }
        p.shutdown();
        Duration wait = shutdownTimeout.orElse(config.inference().deadline());
        try {
            if (!p.awaitTermination(wait)) {
                LOG.warnf("Inference workers still busy after %s; queued requests were refused", wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Phase phase() {
        return phase;
    }

    /** The pool, once the workers exist. */
    public Optional<InferencePool> pool() {
        return Optional.ofNullable(pool);
    }

    /**
     * The pool for a new request.
     *
     * @throws ShuttingDownException while shutting down
     * @throws NoModelException      while loading, or when no model could be loaded
     */
    public InferencePool poolForRequest() {
        Phase p = phase;
        InferencePool current = pool;
        return switch (p) {
            case SHUTTING_DOWN -> throw new ShuttingDownException();
            case IDLE, LOADING, WARMING -> throw new NoModelException("the model is still loading; retry shortly");
            case FAILED -> throw new NoModelException("no model loaded: the service failed to start");
            case READY -> {
                if (current == null) {
                    throw new NoModelException("no model loaded");
                }
                yield current;
            }
        };
    }

    /** Why the service is not ready, or empty when it is (models loaded and warmed up, pool accepting). */
    public Optional<String> notReadyReason() {
        switch (phase) {
            case IDLE, LOADING:
                return Optional.of("loading models");
            case WARMING:
                return Optional.of("warming up");
            case FAILED:
                return Optional.of(failure);
            case SHUTTING_DOWN:
                return Optional.of("shutting down");
            default:
                break;
        }
        if (registry.statuses().isEmpty()) {
            return Optional.of("no model loaded: none found in gdwct.models.dir");
        }
        for (ModelStatus s : registry.statuses()) {
            if (!s.loaded()) {
                return Optional.of("model '" + s.name() + "' failed: " + s.reason());
            }
        }
        String def = registry.defaultName();
        if (registry.statuses().stream().noneMatch(s -> s.name().equals(def))) {
            return Optional.of("default model '" + def + "' (gdwct.models.default) not found");
        }
        InferencePool p = pool;
        if (p == null || p.workersAlive() < p.workers()) {
            return Optional.of("inference workers not running");
        }
        return Optional.empty();
    }

    /** Start-up (loading and warm-up) has finished, whatever its outcome. */
    public boolean startupFinished() {
        Phase p = phase;
        return p == Phase.READY || p == Phase.FAILED || p == Phase.SHUTTING_DOWN;
    }

    /** The JVM answers and no inference worker died (they only exit on shutdown). */
    public boolean alive() {
        InferencePool p = pool;
        return p == null || !p.accepting() || p.workersAlive() == p.workers();
    }
}
