package io.gdwct.api;

import io.gdwct.inference.TranslationResult;
import io.gdwct.inference.TranslationService;
import io.gdwct.inference.UploadRequest;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * {@code POST /translate}: parse the form, hand the translation to the inference layer, answer the
 * image. Thin on purpose: the rules of the fields live in {@link TranslateFormParser}, the work in
 * {@link TranslationService}, the errors in {@link ProblemMapper}. The method runs on a worker thread
 * ({@link Blocking}: it reads the uploaded temp files) and returns as soon as the job is queued; the
 * response is written when the job completes. If the client goes away first, the job is cancelled
 * (watched from before it is queued: RESTEasy's own cancellation of the returned stage starts only
 * after the method returns): if still queued, it is never computed.
 */
@Path("/translate")
@Tag(name = "translate")
public class TranslateResource {

    @Inject
    TranslationService service;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(summary = "Render a content image in the style of an exemplar image",
            description = "Both images are sniffed by their bytes (JPEG, PNG, WebP, BMP), whatever their declared "
                    + "type; each may have at most gdwct.limits.max-pixels pixels. The content image is scaled so "
                    + "its longest side is at most maxSide (sides rounded to multiples of 4); the output has that size.")
    @APIResponse(responseCode = "200", description = "The translated image, in the requested format",
            headers = {
                @Header(name = "X-Model", description = "model that produced it", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "X-Direction", description = "a2b or b2a", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "X-Output-Size", description = "WIDTHxHEIGHT of the output", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "X-Inference-Ms", description = "model time in milliseconds", schema = @Schema(type = SchemaType.INTEGER))},
            content = {
                @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "A field is unknown, repeated, unparsable or out of range; a part is missing or empty; an image is corrupt or truncated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No model has the requested name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "An image has more pixels than gdwct.limits.max-pixels, or the body exceeds quarkus.http.limits.max-body-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "An upload is not JPEG, PNG, WebP or BMP, or the request is not multipart/form-data",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An image is smaller than 16 pixels on a side (before or after scaling)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Queue full (see Retry-After), no model loaded, or shutting down",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "504", description = "The translation did not finish within gdwct.inference.deadline",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Cancellable // RESTEasy cancels the returned stage when the client goes away
    public CompletionStage<Response> translate(TranslateForm form, MultipartFormDataInput all,
            @Context RoutingContext http) {
        UploadRequest input = TranslateFormParser.parse(form, all.getValues(), service.maxSideLimit());
        // Watch the connection before queueing, so that a client leaving at any moment cancels its job.
        AtomicReference<CompletableFuture<?>> queued = new AtomicReference<>();
        http.addEndHandler(end -> {
            if (end.failed()) { // the connection closed before the response was written
                cancel(queued.get());
            }
        });
        if (http.response().closed()) {
            throw new CancellationException("the client went away before its job was queued");
        }
        CompletableFuture<TranslationResult> job = service.translate(input);
        queued.set(job);
        if (http.response().closed()) {
            job.cancel(false);
        }
        CompletableFuture<Response> answer = new CompletableFuture<>();
        job.whenComplete((result, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(ok(result));
            }
        });
        answer.whenComplete((r, e) -> {
            if (answer.isCancelled()) {
                job.cancel(false);
            }
        });
        return answer;
    }

    /** A job still queued is dropped, never computed; a running one finishes but its result is discarded. */
    private static void cancel(CompletableFuture<?> job) {
        if (job != null) {
            job.cancel(false);
        }
    }

    private static Response ok(TranslationResult r) {
        return Response.ok(r.image(), r.format().mediaType())
                .header("X-Model", r.model())
                .header("X-Direction", r.direction().label())
                .header("X-Output-Size", r.width() + "x" + r.height())
                .header("X-Inference-Ms", r.inferenceMs())
                .header("Cache-Control", "no-store")
                .build();
    }
}
