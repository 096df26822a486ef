/**
 * Tensor file formats read and written without Python: safetensors, PyTorch checkpoints (zip and
 * legacy pickle) and .npy.
 *
 * <p>May import: files.
 */
package io.gdwct.model.checkpoint;
