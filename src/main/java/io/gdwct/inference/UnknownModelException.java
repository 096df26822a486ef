package io.gdwct.inference;

import java.util.Collection;

/** The request named a model this service does not have. */
public final class UnknownModelException extends InferenceException {
    private final String name;

    public UnknownModelException(String name, Collection<String> known) {
        super("no model named '" + name + "'; available: " + (known.isEmpty() ? "none" : String.join(", ", known)));
        this.name = name;
    }

    public String name() {
        return name;
    }
}
