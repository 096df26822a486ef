package io.gdwct.inference;

import io.gdwct.image.ImageHeader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;

/**
 * The one entry point for translations from outside the inference layer. Cheap checks run on the
 * caller's thread so that a request that cannot succeed never takes a queue slot: the service is
 * up, the model exists, both uploads have a readable header within the pixel limit. The rest (decode,
 * model, encode) runs on an inference worker under the request's deadline.
 */
@ApplicationScoped
public class TranslationService {

    @Inject
    ServiceConfig config;

    @Inject
    ModelRegistry registry;

    @Inject
    ServingLifecycle lifecycle;

    @Inject
    InferenceMetrics metrics;

    private UploadChecks images;

    @PostConstruct
    void init() {
        images = new UploadChecks(config.limits().maxPixels());
    }

    /**
     * @return a future of the result; cancelling it before a worker takes the job drops the job. It
     *     fails with {@link QueueFullException}, {@link DeadlineExceededException},
     *     {@link ShuttingDownException}, {@link ImageInputException} or an unexpected exception.
     * @throws NoModelException      if no model can serve now
     * @throws UnknownModelException if the named model does not exist
     * @throws ImageInputException   if an upload's header is refused
     * @throws ShuttingDownException while shutting down
     */
    public CompletableFuture<TranslationResult> translate(UploadRequest in) {
        InferencePool pool = lifecycle.poolForRequest();
        String model = registry.resolve(in.model());
        ImageHeader content = images.check("content", in.content());
        ImageHeader exemplar = images.check("exemplar", in.exemplar());
        Deadline deadline = Deadline.in(config.inference().deadline());
        return pool.submit(new TranslationJob(model, in, new TranslationJob.Headers(content, exemplar), images, metrics),
                deadline);
    }

    /** The largest {@code maxSide} a request may ask for. */
    public int maxSideLimit() {
        return config.limits().maxSide();
    }
}
