package io.gdwct.deploy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.LibUtils;

/**
 * Run in a child JVM by {@link DjlNativeCacheTest}: loads the PyTorch engine (with whatever
 * DJL_CACHE_DIR the environment gives), runs one op, and prints where libtorch was loaded from.
 */
public final class DjlCacheProbe {

    private DjlCacheProbe() {
    }

    public static void main(String[] args) {
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.arange(6f).reshape(2, 3);
            System.out.println("sum=" + x.sum().getFloat());
        }
        System.out.println("engine=" + engine.getEngineName() + " " + engine.getVersion());
        System.out.println("libtorch=" + LibUtils.getLibtorchPath());
    }
}
