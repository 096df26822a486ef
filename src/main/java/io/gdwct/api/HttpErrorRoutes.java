package io.gdwct.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Problem JSON for the errors that never reach JAX-RS: a path nothing serves (404), a body over
 * {@code quarkus.http.limits.max-body-size}, and failures inside other routes. Installed on the main
 * Vert.x router. Quarkus answers an oversized body with an empty 413 of its own, so a declared
 * {@code Content-Length} over the limit is refused here first, before the body is read; a chunked
 * upload that grows past the limit still gets Quarkus's empty 413 (the limit is found mid-stream).
 */
@ApplicationScoped
public class HttpErrorRoutes {
    private static final Logger LOG = Logger.getLogger(HttpErrorRoutes.class);

    @Inject
    RequestMetrics metrics;

    void install(@Observes Router router) {
        long maxBody = maxBodyBytes();
        // before any other handler: a declared length over the limit is refused without reading the body
        router.route().order(Integer.MIN_VALUE + 100).handler(rc -> refuseDeclaredOversize(rc, maxBody));
        router.errorHandler(404, rc -> answer(rc, ProblemKind.NOT_FOUND, "there is no resource at this path"));
        router.errorHandler(405, rc -> answer(rc, ProblemKind.METHOD_NOT_ALLOWED, "method not allowed here"));
        router.errorHandler(413, rc -> answer(rc, ProblemKind.BODY_TOO_LARGE, bodyTooLargeDetail()));
        router.errorHandler(500, rc -> {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(rc.failure(), "Unexpected failure, incident %s", incident);
            answer(rc, ProblemKind.INTERNAL, "an unexpected error occurred; incident " + incident);
        });
    }

    private void refuseDeclaredOversize(RoutingContext rc, long maxBody) {
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && maxBody > 0 && parseLength(declared) > maxBody) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close"); // the unread body makes the connection unusable
            answer(rc, ProblemKind.BODY_TOO_LARGE, bodyTooLargeDetail());
        } else {
            rc.next();
        }
    }

    private static long parseLength(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private static long maxBodyBytes() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(-1L);
    }

    private void answer(RoutingContext rc, ProblemKind kind, String detail) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        if (kind.rejectedReason() != null) {
            metrics.rejected(kind.rejectedReason());
        }
        metrics.request(RequestMetrics.endpoint(rc.normalizedPath()), kind.status());
        Buffer body = Buffer.buffer(ProblemResponses.bytes(kind.problem(detail, rc.normalizedPath())));
        rc.response().setStatusCode(kind.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()))
                .end(body);
    }

    /** Names the limit: "the request body exceeds the limit of 20M (quarkus.http.limits.max-body-size)". */
    static String bodyTooLargeDetail() {
        String limit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", String.class)
                .orElse("10240K");
        return "the request body exceeds the limit of " + limit + " (quarkus.http.limits.max-body-size)";
    }
}
