package io.gdwct.cli;

import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;

/** Runs the HTTP service until stopped (SIGTERM finishes in-flight requests first). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve POST /translate and GET /models on port 8080 (quarkus.http.port).")
public class ServeCommand implements Runnable {
    @Override
    public void run() {
        Quarkus.waitForExit();
    }
}
