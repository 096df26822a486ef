/**
 * The picocli commands of the one executable (serve, translate, train, evaluate, import-official,
 * bench): thin, they parse options and call the layers below. Nothing imports this package.
 *
 * <p>May import: api, inference, training, eval, folder, core, image, model, files.
 */
package io.gdwct.cli;
