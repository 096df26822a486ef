/**
 * {@code translate --content-dir}: every image of a folder in one style, written to a mirrored
 * output folder. {@link io.gdwct.folder.FolderPlan} walks the folder (sorted, so every run and every
 * worker sees the same list), {@link io.gdwct.folder.Shard} splits it between workers,
 * {@link io.gdwct.folder.FolderTranslation} translates what is not done yet on a few threads (the
 * style code computed once, outputs written atomically, bad files reported, never fatal) and
 * {@link io.gdwct.folder.FolderReport} sums it up.
 *
 * <p>May import: core, image, model, files.
 */
package io.gdwct.folder;
