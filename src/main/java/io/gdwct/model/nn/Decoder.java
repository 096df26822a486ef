package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.gdwct.model.GdwctConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Decoder ({@code model.py} l.145-185): GDWCT_0 → RB_0 → GDWCT_1 → … → RB_k → GDWCT_(k+1) with
 * residual blocks without norm, then ×2 nearest upsampling, Conv5×5 + GroupNorm(1) + ReLU, twice,
 * and Conv7×7 + tanh. Every module receives the same style code. At inference the last three
 * convolutions run in the equivalent forms of {@link UpsampleConv} and {@link SpaceToDepthConv}.
 */
public final class Decoder extends GdwctBlock {
    private final List<ResidualBlock> resblocks = new ArrayList<>();
    private final List<GdwctModule> modules = new ArrayList<>();
    private final ConvBlock up1;
    private final ConvBlock up2;
    private final ConvBlock out;
    // the same blocks in faster equivalent forms for inference (no parameters of their own)
    private final UpsampleConv upsampled1;
    private final UpsampleConv upsampled2;
    private final SpaceToDepthConv outPhased;

    /**
     * A decoder call's image and, per GDWCT module, its covariance and coloring basis.
     *
     * @param image (B, 3, 4·h, 4·w) in [-1, 1]
     */
    public record Output(NDArray image, List<NDArray> covariances, List<NDArray> coloringBases) {}

    public Decoder(GdwctConfig cfg) {
        int dim = cfg.contentDim();
        for (int i = 0; i < cfg.halfResBlocks(); i++) {
            resblocks.add(child("resblocks." + i, new ResidualBlock(dim, ConvBlock.Norm.NONE)));
        }
        for (int i = 0; i < cfg.gdwctModules(); i++) {
            modules.add(child("gdwct_modules." + i, new GdwctModule(cfg)));
        }
        up1 = child("main.1", new ConvBlock(dim, dim / 2, 5, 1, 2, ConvBlock.Norm.LAYER, 1, Activation.RELU, Inits.kaimingFanIn()));
        up2 = child("main.3", new ConvBlock(dim / 2, dim / 4, 5, 1, 2, ConvBlock.Norm.LAYER, 1, Activation.RELU, Inits.kaimingFanIn()));
        upsampled1 = new UpsampleConv(up1);
        upsampled2 = new UpsampleConv(up2);
        out = child("main.4", new ConvBlock(dim / 4, 3, 7, 1, 3, ConvBlock.Norm.NONE, 1, Activation.TANH, Inits.kaimingFanIn()));
        outPhased = new SpaceToDepthConv(out, 7);
    }

    public List<GdwctModule> modules() {
        return modules;
    }

    /**
     * @param c content code (B, C, h, w)
     * @param s style code (B, C, 1, 1)
     * @param strength scales every module's α at inference (ignored in training)
     * @param wantCovariance return per-sample covariances at inference (always in training)
     */
    public Output decode(NDArray c, NDArray s, boolean training, float strength, boolean wantCovariance) {
        List<NDArray> covs = new ArrayList<>(modules.size());
        List<NDArray> bases = new ArrayList<>(modules.size());
        NDArray x = c;
        for (int i = 0; i < modules.size(); i++) {
            if (i > 0) {
                x = resblocks.get(i - 1).forward(x, training, 0);
            }
            GdwctModule.Output o = modules.get(i).forward(x, s, training, strength, wantCovariance);
            x = o.out();
            covs.add(o.covariance());
            bases.add(o.coloringBasis());
        }
        x = upsampled1.forward(x, training); // main.0-1: upsample, conv 5×5, norm, ReLU
        x = upsampled2.forward(x, training); // main.2-3
        return new Output(outPhased.forward(x, training), covs, bases); // main.4: conv 7×7, tanh
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        return new NDList(decode(inputs.get(0), inputs.get(1), training, 1f, false).image());
    }
}
