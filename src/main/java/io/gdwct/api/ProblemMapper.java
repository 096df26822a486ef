package io.gdwct.api;

import io.gdwct.image.ImageException;
import io.gdwct.inference.DeadlineExceededException;
import io.gdwct.inference.ImageInputException;
import io.gdwct.inference.NoModelException;
import io.gdwct.inference.QueueFullException;
import io.gdwct.inference.ShuttingDownException;
import io.gdwct.inference.UnknownModelException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;

/**
 * The one place where failures become HTTP answers: every typed exception of the inference and image
 * layers (and JAX-RS's own) maps to a {@link ProblemKind} and an RFC 7807 document. The other layers
 * never pick status codes. Client errors are 4xx with the exception's client-safe message; anything
 * unexpected is a 500 with a generic detail and an incident id, and only the log gets the stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    RequestMetrics metrics;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        return map(unwrap(thrown), instance()).build();
    }

    /**
     * How each exception type is answered, looked up from the thrown class up through its
     * superclasses: a subtype answers like its nearest listed ancestor, anything unlisted is a 500.
     */
    private final Map<Class<? extends Throwable>, Handler> handlers = Map.ofEntries(
            Map.entry(ApiException.class, (e, at) -> answer(((ApiException) e).kind(), e.getMessage(), at)),
            Map.entry(ImageInputException.class,
                    (e, at) -> answer(ProblemTypes.imageKind(((ImageInputException) e).reason()), e.getMessage(), at)),
            Map.entry(ImageException.class, (e, at) -> answer(ProblemTypes.imageKind((ImageException) e), e.getMessage(), at)),
            Map.entry(QueueFullException.class, (e, at) -> answer(ProblemKind.QUEUE_FULL, e.getMessage(), at)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(((QueueFullException) e).retryAfterSeconds()))),
            Map.entry(DeadlineExceededException.class, (e, at) -> answer(ProblemKind.DEADLINE_EXCEEDED, e.getMessage(), at)),
            Map.entry(ShuttingDownException.class, (e, at) -> answer(ProblemKind.SHUTTING_DOWN, e.getMessage(), at)),
            Map.entry(NoModelException.class, (e, at) -> answer(ProblemKind.NO_MODEL, e.getMessage(), at)),
            Map.entry(UnknownModelException.class, (e, at) -> answer(ProblemKind.UNKNOWN_MODEL, e.getMessage(), at)),
            Map.entry(CancellationException.class,
                    (e, at) -> answer(ProblemKind.CLIENT_CLOSED, "the client closed the request", at)),
            Map.entry(WebApplicationException.class, (e, at) -> webApplication((WebApplicationException) e, at)),
            Map.entry(IOException.class, this::unreadableRequest));

    /** Answers one exception of the type it is registered for. */
    @FunctionalInterface
    private interface Handler {
        Response.ResponseBuilder answer(Throwable e, String instance);
    }

    private Response.ResponseBuilder map(Throwable e, String instance) {
        for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
            Handler h = handlers.get(c);
            if (h != null) {
                return h.answer(e, instance);
            }
        }
        return internal(e, instance);
    }

    /** Only reading the request throws a checked IOException up to here (our own I/O wraps it). */
    private Response.ResponseBuilder unreadableRequest(Throwable e, String instance) {
        if ("Request too large".equals(e.getMessage())) { // chunked body past the limit; Vert.x answered 413
            return answer(ProblemKind.BODY_TOO_LARGE, HttpErrorRoutes.bodyTooLargeDetail(), instance);
        }
        return answer(ProblemKind.MALFORMED_REQUEST,
                "the request body could not be read: malformed or incomplete multipart/form-data", instance);
    }

    private Response.ResponseBuilder answer(ProblemKind kind, String detail, String instance) {
        if (kind.rejectedReason() != null) {
            metrics.rejected(kind.rejectedReason());
        }
        return ProblemResponses.builder(kind.problem(detail, instance));
    }

    /** JAX-RS's own refusals (routing, content negotiation, body limits) keep their status. */
    private Response.ResponseBuilder webApplication(WebApplicationException w, String instance) {
        int status = w.getResponse() == null ? 500 : w.getResponse().getStatus();
        if (w instanceof NotFoundException) {
            return answer(ProblemKind.NOT_FOUND, "there is no resource at this path", instance);
        } else if (w instanceof NotAllowedException) {
            var allowed = w.getResponse().getAllowedMethods();
            String detail = allowed.isEmpty() ? "this method is not allowed on this path"
                    : "this method is not allowed on this path; allowed: " + String.join(", ", allowed);
            return answer(ProblemKind.METHOD_NOT_ALLOWED, detail, instance).allow(allowed);
        } else if (w instanceof NotSupportedException) {
            return answer(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported request content type; POST /translate takes multipart/form-data", instance);
        } else if (w instanceof NotAcceptableException) {
            return answer(ProblemKind.NOT_ACCEPTABLE, "none of the accepted response types can be produced", instance);
        } else if (status == 413) {
            return answer(ProblemKind.BODY_TOO_LARGE, HttpErrorRoutes.bodyTooLargeDetail(), instance);
        } else if (status >= 400 && status < 500) {
            return answer(ProblemKind.MALFORMED_REQUEST, "the request could not be read", instance);
        }
        return internal(w, instance);
    }

    private Response.ResponseBuilder internal(Throwable e, String instance) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return answer(ProblemKind.INTERNAL, "an unexpected error occurred; incident " + incident, instance);
    }

    private String instance() {
        try {
            return "/" + uriInfo.getPath().replaceFirst("^/", "");
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
