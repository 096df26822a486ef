package io.gdwct.inference;

import io.gdwct.core.Sizing;
import io.gdwct.core.TranslationRequest;
import io.gdwct.image.ImageEncoder;
import io.gdwct.image.ImageHeader;
import io.gdwct.image.ImageTooSmallException;
import io.gdwct.image.RgbImage;

/**
 * One translation as a worker runs it: decode both uploads, bring them to the model's sizes, run the
 * worker's runner for the model, encode the result. Everything stays in memory and in this job:
 * nothing is written to disk, and the arrays live in a manager the translation core closes after
 * the call. Between stages the job checks that someone still waits for it.
 */
final class TranslationJob implements InferenceJob<TranslationResult> {
    private final String model;
    private final UploadRequest in;
    private final Headers headers;
    private final UploadChecks images;
    private final InferenceMetrics metrics;

    /** The uploads' headers as {@link UploadChecks#check} accepted them on the request thread. */
    record Headers(ImageHeader content, ImageHeader exemplar) {}

    TranslationJob(String model, UploadRequest in, Headers headers, UploadChecks images, InferenceMetrics metrics) {
        this.model = model;
        this.in = in;
        this.headers = headers;
        this.images = images;
        this.metrics = metrics;
    }

    @Override
    public TranslationResult run(JobContext ctx) throws Exception {
        ctx.ensureActive();
        long t0 = System.nanoTime();
        RgbImage content = images.decode("content", in.content(), headers.content());
        RgbImage exemplar = images.decode("exemplar", in.exemplar(), headers.exemplar());
        TranslationRequest request;
        try {
            request = Sizing.prepare(content, exemplar, in.direction(), in.maxSide(), in.strength());
        } catch (ImageTooSmallException e) {
            throw new ImageInputException("content or exemplar scaled to maxSide " + in.maxSide(), e);
        }
        long t1 = System.nanoTime();
        metrics.decode(t1 - t0);

        ctx.ensureActive();
        RgbImage out = ctx.resources().runner(model).translate(request);
        long t2 = System.nanoTime();
        metrics.inference(t2 - t1);

        byte[] bytes = ImageEncoder.encode(out, in.format(), in.quality());
        metrics.encode(System.nanoTime() - t2);
        return new TranslationResult(bytes, in.format(), out.width(), out.height(), model, in.direction(),
                (t2 - t1) / 1_000_000);
    }
}
