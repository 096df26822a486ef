package io.gdwct.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the layering a source tree declares and finds the references that break it. Each package's
 * {@code package-info.java} has a line {@code May import: a, b, c.} (or {@code nothing of
 * io.gdwct}) naming the top-level packages below {@code io.gdwct} it may use; a package may always
 * use its own top-level package. References are import lines and fully qualified names in code.
 */
final class ImportRules {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?io\\.gdwct\\.([\\w.]+);");
    private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.gdwct\\.((?:[a-z]\\w*\\.)*)[A-Z]");
    private static final Pattern MAY_IMPORT = Pattern.compile("May import:\\s*([^.]*)\\.");

    /** One reference that breaks a rule. */
    record Violation(String file, int line, String from, String to) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + from + " uses " + to;
        }
    }

    private final Path root;
    private final TreeMap<String, Set<String>> allowed = new TreeMap<>();

    /** @param root the folder of package {@code io.gdwct} (e.g. src/main/java/io/gdwct) */
    ImportRules(Path root) {
        this.root = root;
    }

    /** Packages (dotted, below io.gdwct) that hold classes but no package-info with a May import line. */
    List<String> undeclared() {
        List<String> out = new ArrayList<>();
        for (String pkg : packages()) {
            if (allowedFor(pkg) == null) {
                out.add(pkg);
            }
        }
        return out;
    }

    /** The declared top-level packages {@code pkg} may use, or null when undeclared. */
    Set<String> allowedFor(String pkg) {
        return allowed.computeIfAbsent(pkg, p -> {
            Path info = dir(p).resolve("package-info.java");
            if (!Files.isRegularFile(info)) {
                return null;
            }
            Matcher m = MAY_IMPORT.matcher(read(info));
            if (!m.find()) {
                return null;
            }
            Set<String> set = new TreeSet<>();
            for (String s : m.group(1).split(",")) {
                String name = s.trim().split("\\s")[0];
                if (!name.isEmpty() && !name.equals("nothing")) {
                    set.add(name);
                }
            }
            return set;
        });
    }

    /** Every reference from {@code from} (dotted, below io.gdwct) whose top-level package is in {@code targets}. */
    List<Violation> references(String from, Set<String> targets) {
        List<Violation> out = new ArrayList<>();
        scan(from, (file, line, to) -> {
            if (targets.contains(top(to)) && !top(to).equals(top(from))) {
                out.add(new Violation(file, line, from, to));
            }
        });
        return out;
    }

    /** Every reference that its package's declaration does not allow. */
    List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        for (String pkg : packages()) {
            Set<String> ok = allowedFor(pkg);
            scan(pkg, (file, line, to) -> {
                if (!top(to).equals(top(pkg)) && (ok == null || !ok.contains(top(to)))) {
                    out.add(new Violation(file, line, pkg, to));
                }
            });
        }
        return out;
    }

    /** Packages below io.gdwct that hold at least one class. */
    List<String> packages() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
                    .map(f -> root.relativize(f.getParent()).toString().replace('/', '.'))
                    .distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Sink {
        void accept(String file, int line, String to);
    }

    private void scan(String pkg, Sink sink) {
        try (Stream<Path> files = Files.list(dir(pkg))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String[] lines = read(f).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    for (String to : referencedPackages(lines[i])) {
                        sink.accept(root.relativize(f).toString(), i + 1, to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The io.gdwct packages a line refers to; comment lines refer to none (Javadoc links may point anywhere). */
    static List<String> referencedPackages(String line) {
        String t = line.trim();
        if (t.startsWith("*") || t.startsWith("//") || t.startsWith("/*") || t.startsWith("package ")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher imp = IMPORT.matcher(t);
        if (imp.find()) {
            out.add(packageOf(imp.group(1)));
            return out;
        }
        Matcher q = QUALIFIED.matcher(t);
        while (q.find()) {
            String p = q.group(1);
            out.add(p.isEmpty() ? "" : p.substring(0, p.length() - 1));
        }
        return out;
    }

    private static String packageOf(String qualified) {
        StringBuilder b = new StringBuilder();
        for (String part : qualified.split("\\.")) {
            if (part.isEmpty() || Character.isUpperCase(part.charAt(0)) || part.equals("*")) {
                break;
            }
            b.append(b.length() == 0 ? "" : ".").append(part);
        }
        return b.toString();
    }

    static String top(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    private Path dir(String pkg) {
        return pkg.isEmpty() ? root : root.resolve(pkg.replace('.', '/'));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
