package io.gdwct.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.gdwct.model.OfficialFixtures;
import io.gdwct.model.StateDicts;
import io.gdwct.model.nn.NdOps;
import io.gdwct.model.nn.NoGrad;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our training step 0 on the tiny official fixture, as the official train_step0 defines it: the
 * losses of the initial weights (no optimiser step in between) and the generator gradients.
 */
final class TrainStepZero {
    /** Loss terms, g_total and d_loss by the reference's names; gradient L2 norm per G parameter. */
    record Result(Map<String, Double> losses, Map<String, Double> gradNorms) {}

    private TrainStepZero() {}

    static Result run(DataType dataType) throws Exception {
        TrainingConfig cfg = withTinyModel(TrainingConfig.official());
        Map<String, Double> losses = new LinkedHashMap<>();
        Map<String, Double> norms = new LinkedHashMap<>();
        try (TrainingModels models = new TrainingModels(cfg, Device.cpu(), dataType);
                NDManager scope = models.manager().newSubManager()) {
            for (String net : List.of("G_A", "G_B", "D_A", "D_B")) {
                StateDicts.load(models.networks().get(net), OfficialFixtures.stateDict("tiny", net + ".pth"), net);
            }
            NDArray xA = OfficialFixtures.array(scope, "tiny", "x_A.npy").toType(dataType, false);
            NDArray xB = OfficialFixtures.array(scope, "tiny", "x_B.npy").toType(dataType, false);
            try (NoGrad ignored = new NoGrad()) {
                models.gA().clampAlphas(); // no-op on the fixture; as the official update_G
                models.gB().clampAlphas();
            }
            GdwctTrainer trainer = new GdwctTrainer(cfg, models);
            try (GradientCollector gc = scope.getEngine().newGradientCollector()) {
                GdwctTrainer.Stage1 st = trainer.stage1(xA, xB);
                losses.put("d_loss", NdOps.value(trainer.discriminatorLoss(st, xA, xB)));
                GdwctTrainer.GeneratorLoss g = trainer.generatorLoss(st, xA, xB);
                losses.putAll(g.values());
                gc.backward(g.total());
            }
            for (Map.Entry<String, Parameter> e : models.generatorParameters().entrySet()) {
                NDArray grad = e.getValue().getArray().getGradient();
                grad.attach(scope);
                norms.put(e.getKey(), NdOps.value(grad.norm()));
            }
        }
        return new Result(losses, norms);
    }

    static TrainingConfig withTinyModel(TrainingConfig c) {
        return new TrainingConfig(OfficialFixtures.TINY, c.iterations(), 2, 64, 64, 1, 1, c.lrG(), c.lrD(),
                c.beta1(), c.beta2(), c.weightDecay(), c.decayStart(), c.stepSize(), c.gamma(),
                c.lambdaXRec(), c.lambdaXCyc(), c.lambdaS(), c.lambdaC(), c.lambdaWReg(), c.lambdaCReg(), c.lambdaStructure(), c.lambdaTexture(), c.emaDecay(),
                c.checkpointEvery(), c.sampleEvery(), c.logEvery(), c.seed());
    }

    /** Adds a failure line when |got − want| / |want| exceeds {@code rel}; returns the error. */
    static double check(List<String> failures, String name, double got, double want, double rel) {
        double err = Math.abs(got - want) / Math.max(Math.abs(want), 1e-12);
        if (!(err <= rel)) {
            failures.add(name + ": got " + got + ", reference " + want + " (relative error " + err + " > " + rel + ")");
        }
        return err;
    }
}
