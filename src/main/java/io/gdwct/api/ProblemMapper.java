package io.gdwct.api;

import io.gdwct.image.ImageException;
import io.gdwct.image.ImageTooLargeException;
import io.gdwct.image.ImageTooSmallException;
import io.gdwct.image.UnsupportedImageFormatException;
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

    private Response.ResponseBuilder map(Throwable e, String instance) {
        if (e instanceof ApiException a) {
            return answer(a.kind(), a.getMessage(), instance);
        } else if (e instanceof ImageInputException i) {
            return answer(imageKind(i.reason()), i.getMessage(), instance);
        } else if (e instanceof ImageException i) {
            return answer(imageKind(i), i.getMessage(), instance);
        } else if (e instanceof QueueFullException q) {
            return answer(ProblemKind.QUEUE_FULL, q.getMessage(), instance)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(q.retryAfterSeconds()));
        } else if (e instanceof DeadlineExceededException) {
            return answer(ProblemKind.DEADLINE_EXCEEDED, e.getMessage(), instance);
        } else if (e instanceof ShuttingDownException) {
            return answer(ProblemKind.SHUTTING_DOWN, e.getMessage(), instance);
        } else if (e instanceof NoModelException) {
            return answer(ProblemKind.NO_MODEL, e.getMessage(), instance);
        } else if (e instanceof UnknownModelException) {
            return answer(ProblemKind.UNKNOWN_MODEL, e.getMessage(), instance);
        } else if (e instanceof CancellationException) {
            return answer(ProblemKind.CLIENT_CLOSED, "the client closed the request", instance);
        } else if (e instanceof WebApplicationException w) {
            return webApplication(w, instance);
        } else if (e instanceof IOException) {
            // only reading the request throws a checked IOException up to here (our own I/O wraps it)
            if ("Request too large".equals(e.getMessage())) { // chunked body past the limit; Vert.x answered 413
                return answer(ProblemKind.BODY_TOO_LARGE, HttpErrorRoutes.bodyTooLargeDetail(), instance);
            }
            return answer(ProblemKind.MALFORMED_REQUEST,
                    "the request body could not be read: malformed or incomplete multipart/form-data", instance);
        }
        return internal(e, instance);
    }

    private Response.ResponseBuilder answer(ProblemKind kind, String detail, String instance) {
        if (kind.rejectedReason() != null) {
            metrics.rejected(kind.rejectedReason());
        }
        return ProblemResponses.builder(kind.problem(detail, instance));
    }

    private static ProblemKind imageKind(ImageException e) {
        if (e instanceof ImageTooLargeException) {
            return ProblemKind.IMAGE_TOO_LARGE;
        } else if (e instanceof UnsupportedImageFormatException) {
            return ProblemKind.UNSUPPORTED_IMAGE;
        } else if (e instanceof ImageTooSmallException) {
            return ProblemKind.IMAGE_TOO_SMALL;
        }
        return ProblemKind.CORRUPT_IMAGE; // CorruptImageException and any future kind of unreadable input
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
