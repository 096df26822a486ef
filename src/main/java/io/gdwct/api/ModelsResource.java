package io.gdwct.api;

import io.gdwct.inference.ModelRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /models}: every model folder found at start-up, loaded or not. */
@Path("/models")
@Tag(name = "models")
public class ModelsResource {

    @Inject
    ModelRegistry registry;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the models: name, default flag, size, domains, provenance and load status")
    @APIResponse(responseCode = "200", description = "The models, sorted by name (empty when none was found)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ModelView.class)))
    public List<ModelView> models() {
        return registry.statuses().stream().map(ModelView::of).toList();
    }
}
