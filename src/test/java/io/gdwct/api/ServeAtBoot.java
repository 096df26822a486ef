package io.gdwct.api;

import io.gdwct.inference.ServingLifecycle;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The service tests boot the application without picocli, so no {@code serve} command runs: this
 * test-only bean starts serving at boot, as {@code ServeCommand} does in the real executable.
 */
@ApplicationScoped
public class ServeAtBoot {
    void onStart(@Observes StartupEvent event, ServingLifecycle lifecycle) {
        lifecycle.start();
    }
}
