package io.gdwct.inference;

import ai.djl.Device;
import io.gdwct.model.GdwctModel;
import io.gdwct.model.ModelDirectory;
import io.gdwct.model.ModelInfo;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The models this service serves, loaded once at start-up (by {@link ServingLifecycle}) and never
 * lazily: a model that cannot load is recorded with its one-line reason and the others still load,
 * so one bad folder does not take the service down; readiness reports it.
 *
 * <p>Reasons are stripped of server paths (the model folder is shown by its name), because they
 * reach clients through {@code GET /models} and the health data.
 */
@ApplicationScoped
public class ModelRegistry {
    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final Map<String, ModelStatus> statuses = new LinkedHashMap<>();
    private final Map<String, GdwctModel> models = new LinkedHashMap<>();
    private final Map<String, ModelRunner> runners = new LinkedHashMap<>();
    private String defaultName = "default";

    /** Loads every model folder under {@code root}; failures are recorded, never thrown. */
    public void loadAll(Path root, String defaultModel, Device device) throws IOException {
        List<ModelCatalog.Found> found = ModelCatalog.discover(root);
        synchronized (this) {
            defaultName = defaultModel;
        }
        if (found.isEmpty()) {
            LOG.warnf("No model to serve: %s holds no model folder (a sub-folder with %s); "
                    + "POST /translate answers 503 until one is added and the service restarted",
                    root.toAbsolutePath(), ModelDirectory.INFO_FILE);
            return;
        }
        for (ModelCatalog.Found f : found) {
            load(f, device);
        }
        if (found.stream().noneMatch(f -> f.name().equals(defaultModel))) {
            LOG.warnf("The default model '%s' (gdwct.models.default) is not among the models found in %s: %s",
                    defaultModel, root.toAbsolutePath(), found.stream().map(ModelCatalog.Found::name).toList());
        }
    }

    private void load(ModelCatalog.Found f, Device device) {
        long t0 = System.nanoTime();
        boolean isDefault = f.name().equals(defaultName());
        ModelInfo info = null;
        try {
            info = ModelDirectory.readInfo(f.dir());
            GdwctModel model = GdwctModel.load(f.dir(), device);
            synchronized (this) {
                models.put(f.name(), model);
                runners.put(f.name(), new ModelRunner(f.name(), model));
                statuses.put(f.name(), new ModelStatus(f.name(), isDefault, info, ModelStatus.State.LOADED, null));
            }
            LOG.infof("Loaded model '%s'%s in %d ms (domains %s/%s)", f.name(), isDefault ? " (default)" : "",
                    (System.nanoTime() - t0) / 1_000_000, info.domains().a(), info.domains().b());
        } catch (IOException | RuntimeException e) {
            String reason = redact(e.getMessage(), f);
            LOG.errorf("Model '%s' failed to load: %s", f.name(), reason);
            LOG.debugf(e, "Model '%s' load failure", f.name());
            synchronized (this) {
                statuses.put(f.name(), new ModelStatus(f.name(), isDefault, info, ModelStatus.State.FAILED, reason));
            }
        }
    }

    /** Takes a loaded model out of service (e.g. its warm-up failed). */
    public synchronized void markFailed(String name, String reason) {
        ModelStatus s = statuses.get(name);
        if (s != null && s.loaded()) {
            statuses.put(name, s.failed(reason));
            LOG.errorf("Model '%s' taken out of service: %s", name, reason);
        }
    }

    /** Every model folder found, loaded or not, by name. */
    public synchronized List<ModelStatus> statuses() {
        return new ArrayList<>(statuses.values());
    }

    /** Names of the models that serve. */
    public synchronized List<String> servingNames() {
        return statuses.values().stream().filter(ModelStatus::loaded).map(ModelStatus::name).toList();
    }

    public synchronized String defaultName() {
        return defaultName;
    }

    /** The runner of a model that loaded (even if later taken out of service), or null. */
    public synchronized ModelRunner runner(String name) {
        return runners.get(name);
    }

    /**
     * The model a request will use.
     *
     * @param requested the name asked for, or null for the default
     * @throws UnknownModelException if no folder has that name
     * @throws NoModelException      if there is no model at all, or the one asked for does not serve
     */
    public synchronized String resolve(String requested) {
        if (statuses.values().stream().noneMatch(ModelStatus::loaded)) {
            throw new NoModelException("no model loaded");
        }
        String name = requested == null ? defaultName : requested;
        ModelStatus s = statuses.get(name);
        if (s == null) {
            if (requested == null) {
                throw new NoModelException("no model loaded under the default name '" + name
                        + "'; name one of: " + String.join(", ", servingNames()));
            }
            throw new UnknownModelException(name, statuses.keySet());
        }
        if (!s.loaded()) {
            throw new NoModelException("model '" + name + "' is not available: " + s.reason());
        }
        return name;
    }

    @PreDestroy
    synchronized void close() {
        runners.values().forEach(ModelRunner::close);
        models.values().forEach(GdwctModel::close);
        runners.clear();
        models.clear();
    }

    /** One line, with the model's folder shown by its name instead of a server path. */
    static String redact(String message, ModelCatalog.Found f) {
        String m = message == null || message.isBlank() ? "unreadable model" : message;
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        m = m.replace(f.dir().toAbsolutePath().normalize().toString(), f.name());
        return m.replace(f.dir().toString(), f.name());
    }
}
