package io.gdwct.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.gdwct.image.RgbImage;
import java.nio.ByteBuffer;

/**
 * The tensor boundary, written once: an {@link RgbImage} to a {@code (1, 3, H, W)} float tensor in
 * [-1, 1] and back, as tensor operations (no per-pixel Java loop). Every array is created in the
 * caller's manager, so nothing outlives the request or training step.
 *
 * <p>The arithmetic is the one of {@link RgbImage#toChwFloats()} and {@link RgbImage#fromChwFloats}
 * step for step in float32 (ImageTensorsTest checks every byte value), so outputs do not change.
 */
public final class ImageTensors {
    private ImageTensors() {}

    /**
     * @return (1, 3, H, W) float32 in [-1, 1], {@code v / 127.5 - 1}; contiguous (NCHW), so the
     *     convolutions see the layout they always saw
     */
    public static NDArray toTensor(NDManager manager, RgbImage image) {
        int h = image.height();
        int w = image.width();
        NDArray hwc = manager.create(ByteBuffer.wrap(image.rgb()), new Shape(h, w, 3), DataType.UINT8);
        // transpose is a strided view; flattening copies it into NCHW order (a channels-last view
        // would steer the convolutions to other kernels, hence other rounding)
        NDArray chw = hwc.transpose(2, 0, 1).reshape(-1).reshape(1, 3, h, w);
        return chw.toType(DataType.FLOAT32, false).div(127.5f).sub(1f);
    }

    /**
     * @param tensor (B, 3, H, W) in [-1, 1]; sample {@code index} becomes an 8-bit image, each value
     *     round(clamp((y + 1) / 2, 0, 1) · 255) with ties up, as {@link Math#round(float)}
     */
    public static RgbImage toImage(NDArray tensor, int index) {
        Shape s = tensor.getShape();
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        NDArray scaled = tensor.get(index).add(1f).div(2f).clip(0f, 1f).mul(255f);
        // floor(x + 0.5) in float64 is exact for float32 x, so it equals Math.round on every value
        NDArray rounded = scaled.toType(DataType.FLOAT64, false).add(0.5).floor();
        byte[] rgb = rounded.toType(DataType.UINT8, false).transpose(1, 2, 0).toByteArray();
        return new RgbImage(w, h, rgb);
    }
}
