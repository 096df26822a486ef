package io.gdwct.cli;

import io.gdwct.model.GdwctConfig;
import io.gdwct.model.ModelInfo;
import io.gdwct.model.OfficialImporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Imports the official PyTorch generator checkpoints into a model directory. */
@Command(name = "import-official", mixinStandardHelpOptions = true,
        description = "Convert official GDWCT G_A/G_B .pth checkpoints (zip or legacy torch.save) into a model directory.")
public class ImportOfficialCommand implements Callable<Integer> {

    @Option(names = "--g-a", required = true, description = "G_A state_dict (.pth).")
    Path gA;

    @Option(names = "--g-b", required = true, description = "G_B state_dict (.pth).")
    Path gB;

    @Option(names = "--out", required = true, description = "Model directory to write.")
    Path out;

    @Option(names = "--n-group", defaultValue = "8", description = "N_GROUP. Default: ${DEFAULT-VALUE}.")
    int nGroup;

    @Option(names = "--mlp-dim", defaultValue = "256", description = "G.MLP_DIM. Default: ${DEFAULT-VALUE}.")
    int mlpDim;

    @Option(names = "--conv-dim", defaultValue = "64", description = "G.FIRST_DIM. Default: ${DEFAULT-VALUE}.")
    int convDim;

    @Option(names = "--res-blocks", defaultValue = "8", description = "G.N_RES_BLOCKS. Default: ${DEFAULT-VALUE}.")
    int resBlocks;

    @Option(names = "--domain-a", defaultValue = "A", description = "Name of domain A. Default: ${DEFAULT-VALUE}.")
    String domainA;

    @Option(names = "--domain-b", defaultValue = "B", description = "Name of domain B. Default: ${DEFAULT-VALUE}.")
    String domainB;

    @Override
    public Integer call() throws Exception {
        for (Path p : new Path[] {gA, gB}) {
            if (!java.nio.file.Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no such checkpoint file: " + p);
            }
        }
        GdwctConfig config = GdwctConfig.generator(convDim, nGroup, mlpDim, resBlocks);
        ModelInfo info = OfficialImporter.importModel(gA, gB, out, config, domainA, domainB);
        System.out.printf("wrote %s (conv_dim %d, n_group %d, mlp_dim %d, res_blocks %d; domains %s/%s)%n",
                out, convDim, nGroup, mlpDim, resBlocks, info.domains().a(), info.domains().b());
        return 0;
    }
}
