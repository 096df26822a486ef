package io.gdwct.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.gdwct.model.nn.Decoder;
import io.gdwct.model.nn.Generator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A loaded pair of generators with its description: what serving and translation use. The
 * parameters live in this model's own NDManager and are frozen ({@link Generator#freeze}: no
 * autograd, and each α read to the host once).
 */
public final class GdwctModel implements AutoCloseable {
    private final ModelInfo info;
    private final NDManager manager;
    private final Generator gA;
    private final Generator gB;

    private GdwctModel(ModelInfo info, NDManager manager, Generator gA, Generator gB) {
        this.info = info;
        this.manager = manager;
        this.gA = gA;
        this.gB = gB;
    }

    /**
     * Loads a model directory onto {@code device}, checking every tensor's name and shape.
     *
     * @throws IOException with one clear message naming the first problem
     */
    public static GdwctModel load(Path dir, Device device) throws IOException {
        ModelInfo info = ModelDirectory.readInfo(dir);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            Generator gA = newGenerator(info.config(), manager);
            Generator gB = newGenerator(info.config(), manager);
            try {
                StateDicts.load(gA, ModelDirectory.readWeights(dir, ModelDirectory.G_A_FILE), dir.resolve(ModelDirectory.G_A_FILE).toString());
                StateDicts.load(gB, ModelDirectory.readWeights(dir, ModelDirectory.G_B_FILE), dir.resolve(ModelDirectory.G_B_FILE).toString());
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
            gA.freeze();
            gB.freeze();
            return new GdwctModel(info, manager, gA, gB);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Wraps generators that already hold weights (e.g. from training); they are not copied. */
    public static GdwctModel of(ModelInfo info, NDManager manager, Generator gA, Generator gB) {
        return new GdwctModel(info, manager, gA, gB);
    }

    private static Generator newGenerator(GdwctConfig config, NDManager manager) {
        Generator g = new Generator(config);
        g.initializeAll(manager);
        return g;
    }

    public ModelInfo info() {
        return info;
    }

    public GdwctConfig config() {
        return info.config();
    }

    public Device device() {
        return manager.getDevice();
    }

    public Generator generatorA() {
        return gA;
    }

    public Generator generatorB() {
        return gB;
    }

    /** The generator whose content encoder reads the source image. */
    public Generator contentSide(Direction d) {
        return d == Direction.A2B ? gA : gB;
    }

    /** The generator whose style encoder and decoder make the output. */
    public Generator styleSide(Direction d) {
        return d == Direction.A2B ? gB : gA;
    }

    /** Style code of exemplars (B, 3, h, w) → (B, C, 1, 1). */
    public NDArray styleCode(NDArray exemplar, Direction d) {
        return styleSide(d).styleEncoder().encode(exemplar);
    }

    /**
     * Translates at inference: every sample uses its own statistics, so a batch equals its
     * samples run one by one.
     *
     * @param content (B, 3, H, W) in [-1, 1], H and W multiples of 4
     * @param style (B, C, 1, 1) from {@link #styleCode}
     * @return (B, 3, H, W) in [-1, 1]
     */
    public Decoder.Output translate(NDArray content, NDArray style, Direction d, float strength, boolean wantStats) {
        NDArray c = contentSide(d).contentEncoder().encode(content, false, 0);
        return styleSide(d).decoder().decode(c, style, false, strength, wantStats);
    }

    @Override
    public void close() {
        manager.close();
    }
}
