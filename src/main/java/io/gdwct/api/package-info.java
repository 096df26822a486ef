/**
 * HTTP only: the Quarkus resources, multipart parsing and validation of each parameter at the edge,
 * and the mapping of typed failures to problem JSON. Nothing here touches an NDArray.
 *
 * <p>May import: inference, core, image, model, files.
 */
package io.gdwct.api;
