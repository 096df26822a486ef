package io.gdwct.model.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every GDWCT block: a DJL {@link AbstractBlock} whose parameters carry the names of the
 * official PyTorch {@code state_dict} ({@code c_encoder.main.0.conv.weight}, ...), so that official
 * checkpoints, our own weight files and the blocks agree name for name.
 *
 * <p>Parameter shapes are fixed at construction from {@link io.gdwct.model.GdwctConfig}; no shape
 * inference is needed, and {@link #initialize} only allocates and fills them.
 */
public abstract class GdwctBlock extends AbstractBlock {

    private final Map<String, Parameter> localParams = new LinkedHashMap<>();
    private final Map<String, GdwctBlock> localChildren = new LinkedHashMap<>();

    /** Declares a parameter named as in the official state_dict, relative to this block. */
    protected final Parameter param(
            String name, Parameter.Type type, Initializer init, boolean trainable, long... shape) {
        Parameter p = Parameter.builder()
                .setName(name)
                .setType(type)
                .optShape(new Shape(shape))
                .optInitializer(init)
                .optRequiresGrad(trainable)
                .build();
        localParams.put(name, p);
        return addParameter(p);
    }

    /** Declares a child block under its official name (e.g. {@code main.3}). */
    protected final <B extends GdwctBlock> B child(String name, B block) {
        localChildren.put(name, block);
        return addChildBlock(name, block);
    }

    /** Every parameter below this block, keyed by its official dotted name, in declaration order. */
    public LinkedHashMap<String, Parameter> namedParameters() {
        LinkedHashMap<String, Parameter> out = new LinkedHashMap<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, Map<String, Parameter> out) {
        localParams.forEach((name, p) -> out.put(prefix + name, p));
        localChildren.forEach((name, c) -> c.collect(prefix + name + ".", out));
    }

    /** Allocates and fills every parameter with its initializer (float32). */
    public void initializeAll(NDManager manager) {
        initializeAll(manager, DataType.FLOAT32);
    }

    /** As {@link #initializeAll(NDManager)} in {@code dataType} (float64 for the parity tests). */
    public void initializeAll(NDManager manager, DataType dataType) {
        initialize(manager, dataType, new Shape(1, 3, 64, 64));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (GdwctBlock c : localChildren.values()) {
            c.initialize(manager, dataType, inputShapes);
        }
    }

    /** The block's computation; {@code training} selects instance statistics and batch pooling. */
    protected abstract NDList apply(NDList inputs, boolean training);

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return apply(inputs, training);
    }

    /** Output shapes by a dry run on zeros: shapes here depend only on the input's spatial size. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList in = new NDList();
            for (Shape s : inputShapes) {
                in.add(m.zeros(s));
            }
            NDList out = apply(in, false);
            Shape[] shapes = new Shape[out.size()];
            for (int i = 0; i < shapes.length; i++) {
                shapes[i] = out.get(i).getShape();
            }
            return shapes;
        }
    }
}
