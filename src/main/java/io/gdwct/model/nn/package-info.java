/**
 * The network as DJL blocks: encoders, decoder, GDWCT modules, discriminator and the layers they
 * are built of, matching the official PyTorch implementation.
 *
 * <p>May import: files.
 */
package io.gdwct.model.nn;
