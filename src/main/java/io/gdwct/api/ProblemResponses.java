package io.gdwct.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * Serialises {@link Problem}s for both places errors are answered: JAX-RS responses (the exception
 * mapper) and raw Vert.x responses (errors raised before or outside JAX-RS, see {@link HttpErrorRoutes}).
 * Serialised here, not by a message body writer, so both give byte-identical documents.
 */
final class ProblemResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {}

    static byte[] bytes(Problem p) {
        try {
            return JSON.writeValueAsBytes(p);
        } catch (JsonProcessingException e) { // a record of strings and an int: cannot happen
            return ("{\"type\":\"about:blank\",\"title\":\"Internal server error\",\"status\":500,"
                    + "\"detail\":\"error serialising an error\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    static Response.ResponseBuilder builder(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(bytes(p));
    }
}
