/**
 * The GDWCT model: its configuration, a loaded pair of generators, the model directory format
 * (model.json and safetensors weights) and the official checkpoint importer.
 *
 * <p>May import: files.
 */
package io.gdwct.model;
