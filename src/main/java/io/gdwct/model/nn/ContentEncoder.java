package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.gdwct.model.GdwctConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Content encoder ({@code model.py} l.7-27): Conv7×7 → two stride-2 Conv4×4 → residual blocks,
 * all with instance norm and ReLU. Children {@code main.0 .. main.(2 + resBlocks/2)}.
 *
 * <p>Input (B, 3, H, W) in [-1, 1]; output the content code (B, 4·convDim, H/4, W/4).
 */
public final class ContentEncoder extends GdwctBlock {
    private final List<ConvBlock> convs = new ArrayList<>();
    private final List<ResidualBlock> blocks = new ArrayList<>();

    public ContentEncoder(GdwctConfig cfg) {
        int dim = cfg.convDim();
        ConvBlock.Norm in = ConvBlock.Norm.INSTANCE;
        convs.add(child("main.0", new ConvBlock(3, dim, 7, 1, 3, in, 1, Activation.RELU, Inits.kaimingFanIn())));
        for (int i = 0; i < 2; i++) {
            convs.add(child("main." + (i + 1),
                    new ConvBlock(dim, dim * 2, 4, 2, 1, in, 1, Activation.RELU, Inits.kaimingFanIn())));
            dim *= 2;
        }
        for (int i = 0; i < cfg.halfResBlocks(); i++) {
            blocks.add(child("main." + (3 + i), new ResidualBlock(dim, in)));
        }
    }

    /**
     * @param x (B, 3, H, W) images in [-1, 1]
     * @param runningStatUpdates momentum updates of the instance-norm running statistics (training)
     * @return (B, C, H/4, W/4)
     */
    public NDArray encode(NDArray x, boolean training, int runningStatUpdates) {
        NDArray y = x;
        for (ConvBlock c : convs) {
            y = c.forward(y, training, runningStatUpdates);
        }
        for (ResidualBlock b : blocks) {
            y = b.forward(y, training, runningStatUpdates);
        }
        return y;
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        return new NDList(encode(inputs.singletonOrThrow(), training, training ? 1 : 0));
    }
}
