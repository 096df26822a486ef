package io.gdwct.model;

import ai.djl.ndarray.NDManager;
import io.gdwct.model.checkpoint.HostTensor;
import io.gdwct.model.checkpoint.TorchCheckpointReader;
import io.gdwct.model.nn.Generator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the official GDWCT generator checkpoints ({@code G_A_*.pth}, {@code G_B_*.pth}, written by
 * {@code torch.save(state_dict)} in the zip or the legacy format) into a model directory. Every
 * tensor is checked against the generator the config describes before anything is written.
 */
public final class OfficialImporter {
    private OfficialImporter() {}

    public static ModelInfo importModel(Path gAFile, Path gBFile, Path outDir, GdwctConfig config,
            String domainA, String domainB) throws IOException {
        Map<String, HostTensor> a = TorchCheckpointReader.read(gAFile);
        Map<String, HostTensor> b = TorchCheckpointReader.read(gBFile);
        LinkedHashMap<String, HostTensor> outA;
        LinkedHashMap<String, HostTensor> outB;
        try (NDManager m = NDManager.newBaseManager()) {
            outA = validated(m, config, a, gAFile);
            outB = validated(m, config, b, gBFile);
        }
        Provenance provenance = Provenance.imported("official GDWCT checkpoints (WonwoongCho/GDWCT), imported",
                new Provenance.SourceFile(gAFile.getFileName().toString(), sha256(gAFile)),
                new Provenance.SourceFile(gBFile.getFileName().toString(), sha256(gBFile)), Instant.now().toString());
        ModelInfo info = ModelInfo.of(config, new ModelInfo.Domains(domainA, domainB), provenance);
        ModelDirectory.write(outDir, info, outA, outB);
        return info;
    }

    private static LinkedHashMap<String, HostTensor> validated(
            NDManager m, GdwctConfig config, Map<String, HostTensor> sd, Path file) {
        Generator g = new Generator(config);
        g.initializeAll(m);
        try {
            StateDicts.load(g, sd, file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage()
                    + " (check --conv-dim, --n-group, --mlp-dim, --res-blocks; the official CelebA models need"
                    + " --n-group 4 --mlp-dim 1024)", e);
        }
        return StateDicts.export(g);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
