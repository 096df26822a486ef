package io.gdwct.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;

/**
 * The inference graph as one DJL block, so a DJL {@code Predictor} can run it: inputs
 * (content (B, 3, H, W), exemplar (B, 3, h, w), strength (1), direction (1): 0 = a2b, 1 = b2a),
 * output the translated image (B, 3, H, W) in [-1, 1]. The generators' weights belong to the
 * {@link GdwctModel}; this block adds none.
 */
final class TranslationBlock extends AbstractBlock {
    private final GdwctModel model;

    TranslationBlock(GdwctModel model) {
        this.model = model;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray content = inputs.get(0);
        NDArray exemplar = inputs.get(1);
        float strength = inputs.get(2).getFloat();
        Direction direction = inputs.get(3).getInt() == 0 ? Direction.A2B : Direction.B2A;
        NDArray style = model.styleCode(exemplar, direction);
        return new NDList(model.translate(content, style, direction, strength, false).image());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
