package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import io.gdwct.model.GdwctConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-scale LSGAN discriminator ({@code model.py} l.326-391): per scale, stride-2 Conv4×4 blocks
 * (reflection pad, no norm, LeakyReLU 0.01) doubling the width, then a 1×1 conv to one channel;
 * between scales AvgPool2d(3, 2, 1, count_include_pad=False). Children {@code cnns.s.i}.
 */
public final class Discriminator extends GdwctBlock {
    private final List<List<ConvBlock>> scales = new ArrayList<>();
    private final List<Conv2dLayer> heads = new ArrayList<>();

    public Discriminator(GdwctConfig cfg) {
        for (int s = 0; s < cfg.dScales(); s++) {
            List<ConvBlock> blocks = new ArrayList<>();
            int dim = cfg.dFirstDim();
            blocks.add(child("cnns." + s + ".0", new ConvBlock(3, dim, 4, 2, 1, ConvBlock.Norm.NONE, 1, Activation.LRELU, Inits.normal002())));
            for (int i = 1; i < cfg.dLayers(); i++) {
                blocks.add(child("cnns." + s + "." + i, new ConvBlock(dim, dim * 2, 4, 2, 1, ConvBlock.Norm.NONE, 1, Activation.LRELU, Inits.normal002())));
                dim *= 2;
            }
            scales.add(blocks);
            heads.add(child("cnns." + s + "." + cfg.dLayers(), new Conv2dLayer(dim, 1, 1, 1, Inits.normal002())));
        }
    }

    /** @param x (B, 3, H, W) @return one patch map (B, 1, h_s, w_s) per scale */
    public List<NDArray> forward(NDArray x) {
        List<NDArray> outs = new ArrayList<>(scales.size());
        NDArray y = x;
        for (int s = 0; s < scales.size(); s++) {
            NDArray h = y;
            for (ConvBlock b : scales.get(s)) {
                h = b.forward(h, false, 0);
            }
            outs.add(heads.get(s).forward(h));
            if (s + 1 < scales.size()) {
                y = downsample(y);
            }
        }
        return outs;
    }

    /**
     * AvgPool2d(3, stride 2, pad 1, count_include_pad=False). DJL 0.33's native avg_pool2d drops
     * the count_include_pad flag (it always counts the padding), so the border average is
     * rescaled by the share of real pixels in each window: pooled(x) / pooled(1).
     */
    static NDArray downsample(NDArray x) {
        Shape k = new Shape(3, 3);
        Shape st = new Shape(2, 2);
        Shape pad = new Shape(1, 1);
        NDArray pooled = Pool.avgPool2d(x, k, st, pad, false, true);
        NDArray ones = x.getManager().ones(new Shape(1, 1, x.getShape().get(2), x.getShape().get(3)), x.getDataType());
        return pooled.div(Pool.avgPool2d(ones, k, st, pad, false, true));
    }

    /** Discriminator LSGAN loss Σ_s mean(D_s(fake)²) + mean((D_s(real) − 1)²); (fake detached by the caller). */
    public NDArray discriminatorLoss(NDArray fake, NDArray real) {
        NDArray loss = null;
        List<NDArray> f = forward(fake);
        List<NDArray> r = forward(real);
        for (int s = 0; s < f.size(); s++) {
            NDArray term = f.get(s).square().mean().add(r.get(s).sub(1f).square().mean());
            loss = loss == null ? term : loss.add(term);
        }
        return loss;
    }

    /** Generator LSGAN loss Σ_s mean((D_s(fake) − 1)²). */
    public NDArray generatorLoss(NDArray fake) {
        NDArray loss = null;
        for (NDArray o : forward(fake)) {
            NDArray term = o.sub(1f).square().mean();
            loss = loss == null ? term : loss.add(term);
        }
        return loss;
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        return new NDList(forward(inputs.singletonOrThrow()));
    }
}
