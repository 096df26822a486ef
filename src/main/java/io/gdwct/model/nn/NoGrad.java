package io.gdwct.model.nn;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Autograd off for the calling thread until closed, like {@code torch.no_grad()}: optimiser
 * updates modify parameters in place inside an open gradient collector, which PyTorch refuses
 * while autograd records.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;

    public NoGrad() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
