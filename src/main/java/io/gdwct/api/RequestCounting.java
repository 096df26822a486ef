package io.gdwct.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Counts every JAX-RS response, including the problem responses of the exception mapper. */
public class RequestCounting {

    @Inject
    RequestMetrics metrics;

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        metrics.request(RequestMetrics.endpoint("/" + request.getUriInfo().getPath().replaceFirst("^/", "")),
                response.getStatus());
    }
}
