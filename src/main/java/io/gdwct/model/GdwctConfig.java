package io.gdwct.model;

/**
 * The size of a GDWCT model: generator and discriminator hyper-parameters, named as in the
 * official {@code configs/config.yaml}.
 *
 * @param convDim first convolution width of the generator ({@code G.FIRST_DIM}); content_dim = 4 · conv_dim
 * @param nGroup number of GDWCT groups G ({@code N_GROUP}); content_dim must divide by it
 * @param mlpDim hidden width of each module's coloring MLP ({@code G.MLP_DIM})
 * @param resBlocks {@code G.N_RES_BLOCKS} (official repeat_num): half go to the content encoder,
 *     half to the decoder, and the decoder has resBlocks/2 + 1 GDWCT modules
 * @param dFirstDim first discriminator width ({@code D.FIRST_DIM})
 * @param dLayers strided convolutions per discriminator scale ({@code D.N_LAYER})
 * @param dScales discriminator scales ({@code D.NUM_SCALES})
 */
public record GdwctConfig(
        int convDim, int nGroup, int mlpDim, int resBlocks, int dFirstDim, int dLayers, int dScales) {

    /** The official default: conv_dim 64, G 8, MLP 256, 8 residual blocks, D 64 × 4 layers × 3 scales. */
    public static final GdwctConfig OFFICIAL = new GdwctConfig(64, 8, 256, 8, 64, 4, 3);

    public GdwctConfig {
        require(convDim > 0, "convDim must be positive, got " + convDim);
        require(nGroup > 0, "nGroup must be positive, got " + nGroup);
        require((4 * convDim) % nGroup == 0,
                "content_dim (4 × convDim = " + 4 * convDim + ") must be divisible by nGroup = " + nGroup);
        require(mlpDim > 0, "mlpDim must be positive, got " + mlpDim);
        require(resBlocks >= 2 && resBlocks % 2 == 0, "resBlocks must be even and at least 2, got " + resBlocks);
        require(dFirstDim > 0, "dFirstDim must be positive, got " + dFirstDim);
        require(dLayers > 0, "dLayers must be positive, got " + dLayers);
        require(dScales > 0, "dScales must be positive, got " + dScales);
    }

    /** Generator config with the official discriminator (64 × 4 layers × 3 scales). */
    public static GdwctConfig generator(int convDim, int nGroup, int mlpDim, int resBlocks) {
        return new GdwctConfig(convDim, nGroup, mlpDim, resBlocks, 64, 4, 3);
    }

    /** Channels of the content code and of every GDWCT module (C). */
    public int contentDim() {
        return 4 * convDim;
    }

    /** Bias (style mean) width; must equal C because it is added to the feature. */
    public int biasDim() {
        return contentDim();
    }

    /** Channels per group, n = C / G. */
    public int groupSize() {
        return contentDim() / nGroup;
    }

    /** Residual blocks in the content encoder and, separately, in the decoder. */
    public int halfResBlocks() {
        return resBlocks / 2;
    }

    /** GDWCT modules in the decoder (one before every decoder residual block, one after the last). */
    public int gdwctModules() {
        return halfResBlocks() + 1;
    }

    public GdwctConfig withDiscriminator(int firstDim, int layers, int scales) {
        return new GdwctConfig(convDim, nGroup, mlpDim, resBlocks, firstDim, layers, scales);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
