package io.gdwct.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import io.gdwct.model.GdwctConfig;
import io.gdwct.model.nn.Discriminator;
import io.gdwct.model.nn.GdwctBlock;
import io.gdwct.model.nn.Generator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a training run updates: two generators, two multi-scale discriminators, and one
 * Adam per side (G_A+G_B, D_A+D_B), all in one manager that lives as long as the run.
 * Parameter names are prefixed by the network ({@code G_A.}, {@code D_B.}, ...).
 */
public final class TrainingModels implements AutoCloseable {
    private final NDManager manager;
    private final DataType dataType;
    private final Generator gA;
    private final Generator gB;
    private final Discriminator dA;
    private final Discriminator dB;
    private final AdamOptimizer optG;
    private final AdamOptimizer optD;
    private final GeneratorAverage average;
    private final LinkedHashMap<String, Parameter> gParams = new LinkedHashMap<>();
    private final List<Parameter> runningStats = new ArrayList<>();
    private final LinkedHashMap<String, Parameter> dParams = new LinkedHashMap<>();

    /** Fresh networks, initialised as the official code does, from {@code seed}. */
    public TrainingModels(TrainingConfig cfg, Device device) {
        this(cfg, device, DataType.FLOAT32);
    }

    /** As above with parameters in {@code dataType}; training runs float32, parity tests float64. */
    public TrainingModels(TrainingConfig cfg, Device device, DataType dataType) {
        GdwctConfig mc = cfg.model();
        this.dataType = dataType;
        Engine.getEngine("PyTorch").setRandomSeed((int) cfg.seed());
        manager = NDManager.newBaseManager(device);
        gA = init(new Generator(mc));
        gB = init(new Generator(mc));
        dA = init(new Discriminator(mc));
        dB = init(new Discriminator(mc));
        collect("G_A.", gA, gParams);
        collect("G_B.", gB, gParams);
        collect("D_A.", dA, dParams);
        collect("D_B.", dB, dParams);
        for (GdwctBlock g : List.of(gA, gB)) {
            g.namedParameters().values().stream().filter(p -> !p.requiresGradient()).forEach(runningStats::add);
        }
        optG = new AdamOptimizer(manager, gParams, cfg.beta1(), cfg.beta2(), cfg.weightDecay());
        optD = new AdamOptimizer(manager, dParams, cfg.beta1(), cfg.beta2(), cfg.weightDecay());
        average = cfg.emaDecay() > 0 ? new GeneratorAverage(manager, gParams, cfg.emaDecay()) : null;
    }

    private <B extends GdwctBlock> B init(B block) {
        block.initializeAll(manager, dataType);
        return block;
    }

    private static void collect(String prefix, GdwctBlock b, Map<String, Parameter> out) {
        b.namedParameters().forEach((k, p) -> {
            if (p.requiresGradient()) {
                out.put(prefix + k, p);
            }
        });
    }

    public NDManager manager() {
        return manager;
    }

    public Generator gA() {
        return gA;
    }

    public Generator gB() {
        return gB;
    }

    public Discriminator dA() {
        return dA;
    }

    public Discriminator dB() {
        return dB;
    }

    public AdamOptimizer optG() {
        return optG;
    }

    public AdamOptimizer optD() {
        return optD;
    }

    /** The moving average of the generators' weights, or null when the config has none. */
    public GeneratorAverage average() {
        return average;
    }

    /** Trainable generator parameters, prefixed names. */
    public Map<String, Parameter> generatorParameters() {
        return gParams;
    }

    /** The generators' running statistics (instance-norm means and variances): updated by forwards, not by Adam. */
    public List<Parameter> runningStatistics() {
        return runningStats;
    }

    /** Trainable discriminator parameters, prefixed names. */
    public Map<String, Parameter> discriminatorParameters() {
        return dParams;
    }

    /** The four networks by their checkpoint prefix. */
    public Map<String, GdwctBlock> networks() {
        LinkedHashMap<String, GdwctBlock> n = new LinkedHashMap<>();
        n.put("G_A", gA);
        n.put("G_B", gB);
        n.put("D_A", dA);
        n.put("D_B", dB);
        return n;
    }

    @Override
    public void close() {
        manager.close();
    }
}
