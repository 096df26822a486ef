package io.gdwct.folder;

import io.gdwct.core.StyleCode;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;

/**
 * Where the one style of a folder run comes from. Its code is computed once per run, on the loaded
 * model, before any content is translated; whatever it needs from the disk is read and checked
 * when it is made, before the model loads, so a bad exemplar costs nothing. {@link ExemplarStyle}
 * is the one source so far; another (a stored style, a mix of exemplars) only has to make a
 * {@link StyleCode}.
 */
public interface StyleSource {

    /** How the run's first line names it, e.g. {@code exemplar painting.jpg}. */
    String describe();

    /** The style code for every content of the run. */
    StyleCode code(GdwctModel model, Direction direction);
}
