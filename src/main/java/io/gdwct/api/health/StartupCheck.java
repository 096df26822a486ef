package io.gdwct.api.health;

import io.gdwct.inference.ServingLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * UP once start-up (model loading and warm-up) has finished, even if a model failed: the startup
 * probe only guards the slow start; whether the pod should get traffic is readiness's call.
 */
@Startup
@ApplicationScoped
public class StartupCheck implements HealthCheck {

    @Inject
    ServingLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("model-loading").status(lifecycle.startupFinished()).build();
    }
}
