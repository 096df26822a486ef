package io.gdwct.inference;

import io.gdwct.model.ModelInfo;

/**
 * What the service knows about one model folder, for {@code GET /models} and readiness.
 *
 * @param name      the folder name, used by requests to pick the model
 * @param isDefault whether requests naming no model use it
 * @param info      the model's description; null when even model.json could not be read
 * @param state     whether it serves
 * @param reason    why it does not (one line, no server paths); null when loaded
 */
public record ModelStatus(String name, boolean isDefault, ModelInfo info, State state, String reason) {

    /** Loading outcome. */
    public enum State {
        LOADED, FAILED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean loaded() {
        return state == State.LOADED;
    }

    ModelStatus failed(String why) {
        return new ModelStatus(name, isDefault, info, State.FAILED, why);
    }
}
