package io.gdwct.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gdwct.image.RgbImage;
import java.util.List;

/**
 * The tensor boundary: images to (B, 3, H, W) float tensors in [-1, 1] and back. Every array is
 * created in the caller's manager, so nothing outlives the request or training step.
 */
public final class ImageTensors {
    private ImageTensors() {}

    /** @return (1, 3, H, W) in [-1, 1] */
    public static NDArray toTensor(NDManager manager, RgbImage image) {
        return manager.create(image.toChwFloats(), new Shape(1, 3, image.height(), image.width()));
    }

    /** Images of one size stacked into (B, 3, H, W). */
    public static NDArray toBatch(NDManager manager, List<RgbImage> images) {
        RgbImage first = images.get(0);
        int plane = 3 * first.width() * first.height();
        float[] all = new float[plane * images.size()];
        for (int i = 0; i < images.size(); i++) {
            RgbImage im = images.get(i);
            if (im.width() != first.width() || im.height() != first.height()) {
                throw new IllegalArgumentException("batch images differ in size: " + first.width() + "x"
                        + first.height() + " vs " + im.width() + "x" + im.height());
            }
            System.arraycopy(im.toChwFloats(), 0, all, i * plane, plane);
        }
        return manager.create(all, new Shape(images.size(), 3, first.height(), first.width()));
    }

    /** @param tensor (B, 3, H, W) in [-1, 1]; sample {@code index} becomes an 8-bit image */
    public static RgbImage toImage(NDArray tensor, int index) {
        Shape s = tensor.getShape();
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        float[] chw = tensor.get(index).toFloatArray();
        return RgbImage.fromChwFloats(chw, w, h);
    }
}
