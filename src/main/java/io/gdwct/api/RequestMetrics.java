package io.gdwct.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The HTTP side's Prometheus counters: {@code gdwct.requests} by endpoint and status, and
 * {@code gdwct.rejected} by reason (queue_full, deadline, shutting_down, too_large, unsupported,
 * corrupt, invalid, no_model, cancelled). Tags have few values each (endpoints are fixed names,
 * never raw paths), so the series count stays bounded whatever clients send.
 */
@ApplicationScoped
public class RequestMetrics {

    @Inject
    MeterRegistry registry;

    void request(String endpoint, int status) {
        Counter.builder("gdwct.requests").description("API requests answered, by endpoint and status")
                .tag("endpoint", endpoint).tag("status", Integer.toString(status))
                .register(registry).increment();
    }

    void rejected(String reason) {
        Counter.builder("gdwct.rejected").description("requests refused, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** The endpoint tag for a request path: a fixed name for the API, "other" for anything else. */
    static String endpoint(String path) {
        String p = path == null ? "" : path;
        if (p.equals("/translate") || p.equals("/translate/")) {
            return "translate";
        }
        if (p.equals("/models") || p.equals("/models/")) {
            return "models";
        }
        return "other";
    }
}
