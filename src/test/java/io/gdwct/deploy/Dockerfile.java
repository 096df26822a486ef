package io.gdwct.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough of the Dockerfile format to check the instructions: line continuations, comments,
 * stages, global ARG defaults, ENV key=value pairs and the JSON (exec) form.
 */
final class Dockerfile {

    /** One instruction; {@code stage} is the index of the FROM it belongs to (-1 before the first). */
    record Instruction(int stage, String keyword, String args) {
    }

    /** One build stage. */
    record Stage(int index, String from, String name) {
    }

    final List<Instruction> instructions = new ArrayList<>();
    final List<Stage> stages = new ArrayList<>();
    /** ARGs declared before the first FROM, with their defaults. */
    final Map<String, String> globalArgs = new LinkedHashMap<>();

    private Dockerfile(String text) {
        StringBuilder logical = new StringBuilder();
        for (String raw : text.split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue; // comments, also inside a continued instruction; also the syntax directive
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            add(logical.toString().strip());
            logical.setLength(0);
        }
        add(logical.toString().strip());
    }

    static Dockerfile read(String relative) {
        return new Dockerfile(Repo.read(relative));
    }

    /** The repository's Dockerfile (both flavors). */
    static Dockerfile main() {
        return read("Dockerfile");
    }

    /** ENV of the final image for {@code FLAVOR=flavor}. */
    Map<String, String> runtimeEnv(String flavor) {
        return env(last(), flavor);
    }

    private void add(String line) {
        if (line.isEmpty()) {
            return;
        }
        String[] parts = line.split("\\s+", 2);
        String keyword = parts[0].toUpperCase(Locale.ROOT);
        String args = parts.length > 1 ? parts[1].strip() : "";
        if (keyword.equals("FROM")) {
            String[] from = args.split("\\s+");
            String name = from.length >= 3 && from[1].equalsIgnoreCase("AS") ? from[2] : null;
            stages.add(new Stage(stages.size(), from[0], name));
        } else if (keyword.equals("ARG") && stages.isEmpty()) {
            String[] kv = args.split("=", 2);
            globalArgs.put(kv[0], kv.length > 1 ? unquote(kv[1]) : null);
        }
        instructions.add(new Instruction(stages.size() - 1, keyword, args));
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> name.equals(s.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no stage named " + name));
    }

    Stage last() {
        return stages.get(stages.size() - 1);
    }

    List<Instruction> in(Stage stage, String keyword) {
        return instructions.stream().filter(i -> i.stage() == stage.index() && i.keyword().equals(keyword)).toList();
    }

    /**
     * The stages an image built from {@code stage} inherits from ({@code FROM base-${FLAVOR}} is
     * resolved with {@code flavor}), the stage itself first.
     */
    List<Stage> lineage(Stage stage, String flavor) {
        List<Stage> chain = new ArrayList<>();
        Stage s = stage;
        while (s != null) {
            chain.add(s);
            String from = s.from().replace("${FLAVOR}", flavor).replace("$FLAVOR", flavor);
            s = stages.stream().filter(x -> from.equals(x.name())).findFirst().orElse(null);
        }
        return chain;
    }

    /** ENV values an image built from {@code stage} ends up with (later stages win). */
    Map<String, String> env(Stage stage, String flavor) {
        Map<String, String> env = new LinkedHashMap<>();
        List<Stage> chain = lineage(stage, flavor);
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (Instruction instruction : in(chain.get(i), "ENV")) {
                env.putAll(pairs(instruction.args()));
            }
        }
        return env;
    }

    /** LABEL values an image built from {@code stage} ends up with. */
    Map<String, String> labels(Stage stage, String flavor) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<Stage> chain = lineage(stage, flavor);
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (Instruction instruction : in(chain.get(i), "LABEL")) {
                labels.putAll(pairs(instruction.args()));
            }
        }
        return labels;
    }

    /** The last instruction of that keyword in the image built from {@code stage}. */
    Instruction effective(Stage stage, String flavor, String keyword) {
        for (Stage s : lineage(stage, flavor)) {
            List<Instruction> found = in(s, keyword);
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
        }
        return null;
    }

    /** {@code K=V K2="v 2"} pairs. */
    static Map<String, String> pairs(String args) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String token : tokens(args)) {
            String[] kv = token.split("=", 2);
            if (kv.length == 2) {
                pairs.put(kv[0], unquote(kv[1]));
            }
        }
        return pairs;
    }

    /** Whitespace-separated tokens; double-quoted parts keep their spaces. */
    static List<String> tokens(String args) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char ch : args.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
                current.append(ch);
            } else if (Character.isWhitespace(ch) && !quoted) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(ch);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** The exec (JSON array) form of ENTRYPOINT/CMD; fails for the shell form. */
    static List<String> execForm(Instruction instruction) {
        try {
            return JsonMapper.builder().build().readValue(instruction.args(), new TypeReference<List<String>>() {
            });
        } catch (IOException e) {
            throw new AssertionError(instruction.keyword() + " is not in exec (JSON array) form: " + instruction.args());
        }
    }
}
