package io.gdwct.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model}, for the commands that run a trained model. */
public final class ModelOption {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory (holds model.json).")
    Path dir;
}
