package io.gdwct.inference;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the service, under {@code gdwct.*} (environment variables {@code GDWCT_MODELS_DIR},
 * {@code GDWCT_INFERENCE_WORKERS}, ...). The names are a contract with {@code k8s/} and
 * {@code docs/deploy.md}; values are checked once at start-up by {@link ConfigCheck} and
 * {@link PoolSizing}, so a bad value stops the service with one clear line instead of failing later.
 */
@ConfigMapping(prefix = "gdwct")
public interface ServiceConfig {

    Models models();

    /** {@code auto} (GPU when the engine sees one), {@code cpu} or {@code gpu}. */
    @WithDefault("auto")
    String device();

    Inference inference();

    Limits limits();

    /** Where models come from. */
    interface Models {
        /** Folder whose sub-folders holding a {@code model.json} are the models (named by folder). */
        @WithDefault("models")
        String dir();

        /** The model used when a request names none. */
        @WithName("default")
        @WithDefault("default")
        String defaultModel();
    }

    /** The worker pool in front of the model. */
    interface Inference {
        /** Worker threads, each with its own warmed-up models. Default: max(1, cores / threads-per-worker). */
        Optional<Integer> workers();

        /** PyTorch intra-op threads per worker. Default: min(cores, 2). */
        Optional<Integer> threadsPerWorker();

        /** Jobs allowed to wait for a worker; one more is refused at once (503). */
        @WithDefault("8")
        int queueSize();

        /** Per request, from admission to result; past it the request gets 504 and the job is dropped. */
        @WithDefault("30s")
        Duration deadline();

        /** Square sizes each worker translates once (both directions) before readiness goes UP. */
        @WithDefault("256")
        List<Integer> warmupSizes();
    }

    /** What one request may carry. */
    interface Limits {
        /** Largest width × height accepted for either image, checked from the header before decoding. */
        @WithDefault("40000000")
        long maxPixels();

        /** Largest value of the {@code maxSide} request field (the longest side of the output). */
        @WithDefault("1024")
        int maxSide();
    }
}
