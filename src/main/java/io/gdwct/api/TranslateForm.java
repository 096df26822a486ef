package io.gdwct.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The multipart body of {@code POST /translate} as received, and as the OpenAPI document shows it.
 * Scalars arrive as strings so that {@link TranslateFormParser} can answer a bad value with a message
 * naming the field and its range; the documented types and defaults here must match that class.
 * {@code maxSide}'s documented maximum is the default of {@code gdwct.limits.max-side}.
 */
@Schema(name = "TranslateForm", description = "multipart/form-data; any other field is refused (400)",
        requiredProperties = {"content", "exemplar"})
public class TranslateForm {

    @RestForm(TranslateFormParser.CONTENT)
    @Schema(type = SchemaType.STRING, format = "binary",
            description = "Content image (JPEG, PNG, WebP or BMP, judged by its bytes, not its declared type)")
    public FileUpload content;

    @RestForm(TranslateFormParser.EXEMPLAR)
    @Schema(type = SchemaType.STRING, format = "binary", description = "Exemplar image whose style is applied")
    public FileUpload exemplar;

    @RestForm
    @Schema(description = "Model name (GET /models); default: gdwct.models.default",
            pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
    public String model;

    @RestForm
    @Schema(description = "a2b: content of domain A in the style of B; b2a: the reverse",
            enumeration = {"a2b", "b2a"}, defaultValue = "a2b")
    public String direction;

    @RestForm
    @Schema(type = SchemaType.INTEGER, minimum = "16", maximum = "1024", defaultValue = "512",
            description = "Longest side of the output in pixels (at most gdwct.limits.max-side); larger content is scaled down")
    public String maxSide;

    @RestForm
    @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1", defaultValue = "1",
            description = "0 gives the content back, 1 the full learned style")
    public String strength;

    @RestForm
    @Schema(description = "Output format", enumeration = {"png", "jpeg", "webp"}, defaultValue = "png")
    public String format;

    @RestForm
    @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "90",
            description = "Quality for jpeg and webp (ignored for png)")
    public String quality;
}
