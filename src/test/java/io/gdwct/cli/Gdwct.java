package io.gdwct.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/gdwct} as a real process, the way users do, with its output captured to files. */
final class Gdwct {
    static final Path LAUNCHER = Path.of("bin/gdwct").toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 300;

    /** What the process did. */
    record Result(int exit, String out, String err) {
        String describe() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Gdwct() {}

    /** A started process and the files its output goes to. */
    record Running(Process process, Path out, Path err) {
        /** Waits for the exit (at most the timeout) and reads the output. */
        Result finish(String what) throws IOException, InterruptedException {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(what + " still running after " + TIMEOUT_SECONDS + " s\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return start(workDir, Map.of(), args).finish("bin/gdwct " + String.join(" ", args));
    }

    /** Starts {@code bin/gdwct} with {@code env} added to the environment, without waiting (serve). */
    static Running start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder b = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        b.environment().putAll(env);
        return new Running(b.start(), out, err);
    }
}
