package io.gdwct.cli;

import io.gdwct.inference.ServingLifecycle;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;

/**
 * Starts serving and runs until stopped (SIGTERM finishes in-flight requests first). Serving is
 * started here, by name, rather than by whatever boots the application: the other commands boot
 * the same application and must not load models for serving.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve POST /translate and GET /models on port 8080 (quarkus.http.port).")
public class ServeCommand implements Runnable {

    @Inject
    ServingLifecycle lifecycle;

    @Override
    public void run() {
        lifecycle.start();
        Quarkus.waitForExit();
    }
}
