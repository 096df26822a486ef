package io.gdwct.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The top command: {@code java -jar quarkus-run.jar <subcommand>}. */
@TopCommand
@Command(name = "gdwct", mixinStandardHelpOptions = true, version = "gdwct 0.1.0",
        description = "GDWCT exemplar-based image style transfer: serve, translate, train, evaluate.",
        subcommands = {ServeCommand.class, TranslateCommand.class, TrainCommand.class, EvaluateCommand.class,
            ImportOfficialCommand.class, BenchCommand.class})
public class GdwctCommand {
}
