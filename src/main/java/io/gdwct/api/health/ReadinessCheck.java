package io.gdwct.api.health;

import io.gdwct.inference.ServingLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * UP only when every model found loaded and warmed up and the pool accepts work; DOWN with a
 * {@code reason} otherwise (loading, a model that failed and why, shutting down).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    ServingLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        var reason = lifecycle.notReadyReason();
        var b = HealthCheckResponse.named("models").withData("phase", lifecycle.phase().name().toLowerCase(java.util.Locale.ROOT));
        return reason.map(r -> b.down().withData("reason", r)).orElseGet(b::up).build();
    }
}
