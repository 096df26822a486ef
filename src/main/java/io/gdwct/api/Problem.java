package io.gdwct.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 7807 problem document, the body of every error response ({@code application/problem+json}).
 * Its text is written for clients: never a stack trace, class name or server path.
 *
 * @param type     a URI naming the kind of problem (stable; clients may switch on it)
 * @param title    a short summary of that kind
 * @param status   the HTTP status code
 * @param detail   what went wrong with this request, naming the field or part at fault
 * @param instance the request path
 */
@Schema(name = "Problem", description = "RFC 7807 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(examples = "urn:gdwct:problem:invalid-parameter", required = true) String type,
        @Schema(examples = "Invalid request parameter", required = true) String title,
        @Schema(examples = "400", required = true) int status,
        @Schema(examples = "maxSide: must be an integer in 16..1024, got 'big'", required = true) String detail,
        @Schema(examples = "/translate") String instance) {

    /** The media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";
}
