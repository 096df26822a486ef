/**
 * Tensor file formats read and written without Python: safetensors and PyTorch checkpoints (zip and
 * legacy pickle). The .npy reader and writer, which only the tests' fixtures need, live in the test
 * sources of this package.
 *
 * <p>May import: files.
 */
package io.gdwct.model.checkpoint;
