package io.gdwct.cli;

import io.quarkus.picocli.runtime.PicocliRunner;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the one executable. Only {@code serve} opens the HTTP port: every other
 * subcommand (train, translate, ...) switches the server off before boot, so that a training run
 * and a running service never fight over port 8080. Whether models are loaded for serving is not
 * decided here: {@link ServeCommand} starts serving itself. DJL is forced offline: nothing downloads.
 */
@QuarkusMain
public final class Launcher {
    private Launcher() {}

    public static void main(String... args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        boolean serve = args.length > 0 && "serve".equals(args[0]);
        if (!serve && System.getProperty("quarkus.http.host-enabled") == null) {
            System.setProperty("quarkus.http.host-enabled", "false"); // the port only; serving itself is ServeCommand's
        }
        Quarkus.run(PicocliRunner.class, args);
    }
}
