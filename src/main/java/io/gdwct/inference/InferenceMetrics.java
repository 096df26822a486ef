package io.gdwct.inference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The inference side's Prometheus metrics (at {@code /q/metrics}): where a translation's time goes
 * ({@code gdwct.queue.wait}, {@code gdwct.decode}, {@code gdwct.inference}, {@code gdwct.encode},
 * as histograms so percentiles can be aggregated across pods) and how loaded the pool is
 * ({@code gdwct.inflight}: admitted and unfinished, waiting or running; {@code gdwct.queue.depth}:
 * waiting only). Request counts by status live with the HTTP layer.
 */
@ApplicationScoped
public class InferenceMetrics implements InferencePool.Observer {

    @Inject
    MeterRegistry registry;

    private final AtomicReference<InferencePool> pool = new AtomicReference<>();
    private Timer queueWait;
    private Timer decode;
    private Timer inference;
    private Timer encode;

    @PostConstruct
    void register() {
        queueWait = timer("gdwct.queue.wait", "time a job waited for a worker");
        decode = timer("gdwct.decode", "time to decode and prepare the two images of a request");
        inference = timer("gdwct.inference", "model forward time of one translation");
        encode = timer("gdwct.encode", "time to encode the output image");
        Gauge.builder("gdwct.inflight", this, m -> m.poolValue(true))
                .description("translations admitted and not finished (waiting or running)").register(registry);
        Gauge.builder("gdwct.queue.depth", this, m -> m.poolValue(false))
                .description("translations waiting for a worker").register(registry);
    }

    private Timer timer(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram().register(registry);
    }

    /** Points the gauges at the pool once it exists. */
    void bindPool(InferencePool p) {
        pool.set(p);
    }

    private double poolValue(boolean inflight) {
        InferencePool p = pool.get();
        return p == null ? 0 : inflight ? p.inflight() : p.queueDepth();
    }

    @Override
    public void queueWait(long nanos) {
        queueWait.record(nanos, TimeUnit.NANOSECONDS);
    }

    void decode(long nanos) {
        decode.record(nanos, TimeUnit.NANOSECONDS);
    }

    void inference(long nanos) {
        inference.record(nanos, TimeUnit.NANOSECONDS);
    }

    void encode(long nanos) {
        encode.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** How many translations reached the model (for tests and diagnostics). */
    public long inferenceCount() {
        return inference.count();
    }
}
