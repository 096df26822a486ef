/**
 * File-system helpers every layer shares: atomic writes through a readable sibling temporary file.
 * JDK only.
 *
 * <p>May import: nothing of io.gdwct.
 */
package io.gdwct.files;
