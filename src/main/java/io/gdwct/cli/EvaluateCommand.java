package io.gdwct.cli;

import io.gdwct.eval.ColourTransfer;
import io.gdwct.eval.Evaluation;
import io.gdwct.eval.EvaluationGrid;
import io.gdwct.eval.EvaluationReport;
import io.gdwct.eval.EvaluationRun;
import io.gdwct.eval.ReportJson;
import io.gdwct.eval.ReportTable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Scores a model on every content × exemplar pair of two folders; the work is in {@link EvaluationRun}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Translate every content x exemplar pair and score the outputs.",
            "Writes metrics.json (per pair and aggregate) and grid.png into --out, and prints a Markdown summary table.",
            "Metric definitions: docs/evaluation.md."})
public class EvaluateCommand implements Callable<Integer> {

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--content", required = true, description = "Folder of content images (read recursively, sorted by name).")
    Path content;

    @Option(names = "--exemplars", required = true, description = "Folder of exemplar (style) images (read recursively, sorted by name).")
    Path exemplars;

    @Option(names = "--out", required = true, description = "Output folder for metrics.json and grid.png (created if needed).")
    Path out;

    @Mixin
    TranslationOptions translation = new TranslationOptions(256);

    @Mixin
    DeviceOption device = new DeviceOption();

    @Option(names = "--cell", defaultValue = "" + EvaluationGrid.DEFAULT_CELL, description = "Side of a grid.png cell in pixels. Default: ${DEFAULT-VALUE}.")
    int cell;

    @Option(names = "--baseline", defaultValue = "none",
            description = "none, or colour-transfer: also score per-channel mean/std colour transfer on the same pairs and print it beside the model. Default: ${DEFAULT-VALUE}.")
    String baseline;

    @Override
    public Integer call() throws Exception {
        boolean colourTransfer = switch (baseline.toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> false;
            case ColourTransfer.NAME, "color-transfer" -> true;
            default -> throw new IllegalArgumentException("unknown --baseline '" + baseline + "' (none, colour-transfer)");
        };
        Evaluation.Settings settings = new Evaluation.Settings(translation.direction(), translation.maxSide, cell,
                translation.strength(), colourTransfer);
        EvaluationReport report = EvaluationRun.run(new EvaluationRun.Paths(model.dir, content, exemplars, out),
                settings, translation.maxPixels, device.select(), System.err);
        System.out.println();
        System.out.print(ReportTable.markdown(report));
        if (report.summary().tonesLost()) {
            System.err.println("warning: this model inverts or erases the content's tones (see the tone rows)");
        }
        System.out.printf("%nwrote %s and %s%n", out.resolve(ReportJson.FILE_NAME), out.resolve(EvaluationGrid.FILE_NAME));
        return 0;
    }
}
