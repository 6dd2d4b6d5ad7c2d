package org.sharedict.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads compose files the way docker compose does before validating them: YAML with anchors and
 * merge keys (SnakeYAML resolves both), then ${VAR} interpolation from an .env file, then several
 * files merged in order.
 */
final class Compose {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFERENCE =
            Pattern.compile("\\$(?:(\\$)|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    private Compose() {}

    /** The raw YAML tree, anchors and merge keys resolved, before interpolation. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String relativePath) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options).loadAs(Repo.read(relativePath), Map.class);
    }

    /** An .env file: KEY=VALUE lines, # comments, optional quotes. */
    static Map<String, String> dotenv(String relativePath) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String line : Repo.read(relativePath).split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq < 1) {
                throw new AssertionError(relativePath + ": not KEY=VALUE: " + line);
            }
            String value = l.substring(eq + 1).strip();
            if (value.length() >= 2
                    && (value.startsWith("\"") && value.endsWith("\"")
                            || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            vars.put(l.substring(0, eq).strip(), value);
        }
        return vars;
    }

    /** Every variable a file refers to, with or without a default. */
    static List<String> references(Object tree) {
        List<String> names = new ArrayList<>();
        walkStrings(tree, s -> {
            Matcher m = REFERENCE.matcher(s);
            while (m.find()) {
                if (m.group(1) == null) {
                    names.add(m.group(2) != null ? m.group(2) : m.group(5));
                }
            }
        });
        return names;
    }

    /** Interpolates like compose; collects the messages of required variables that are missing. */
    static Object interpolate(Object tree, Map<String, String> env, List<String> errors) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), interpolate(v, env, errors)));
            return out;
        }
        if (tree instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(interpolate(v, env, errors)));
            return out;
        }
        if (tree instanceof String s) {
            Matcher m = REFERENCE.matcher(s);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(resolve(m, env, errors)));
            }
            m.appendTail(sb);
            return sb.toString();
        }
        return tree;
    }

    private static String resolve(Matcher m, Map<String, String> env, List<String> errors) {
        if (m.group(1) != null) {
            return "$";
        }
        String name = m.group(2) != null ? m.group(2) : m.group(5);
        String op = m.group(3);
        String arg = m.group(4) == null ? "" : m.group(4);
        String value = env.get(name);
        boolean set = value != null;
        boolean setAndNonEmpty = set && !value.isEmpty();
        if (op == null) {
            return set ? value : "";
        }
        return switch (op) {
            case ":-" -> setAndNonEmpty ? value : arg;
            case "-" -> set ? value : arg;
            case ":+" -> setAndNonEmpty ? arg : "";
            case "+" -> set ? arg : "";
            case ":?", "?" -> {
                if (op.equals(":?") ? !setAndNonEmpty : !set) {
                    errors.add(name + ": " + arg);
                    yield "";
                }
                yield value;
            }
            default -> throw new AssertionError(op);
        };
    }

    /** Merges a later compose file into an earlier one: maps deeply, lists appended (ports, volumes). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        override.forEach((k, v) -> {
            Object existing = out.get(k);
            if (existing instanceof Map<?, ?> em && v instanceof Map<?, ?> vm) {
                out.put(k, merge((Map<String, Object>) em, (Map<String, Object>) vm));
            } else if (existing instanceof List<?> el && v instanceof List<?> vl) {
                List<Object> joined = new ArrayList<>(el);
                joined.addAll(vl);
                out.put(k, joined);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    static JsonNode toJson(Object tree) {
        return JSON.valueToTree(tree);
    }

    private static void walkStrings(Object tree, java.util.function.Consumer<String> visitor) {
        if (tree instanceof Map<?, ?> map) {
            map.values().forEach(v -> walkStrings(v, visitor));
        } else if (tree instanceof List<?> list) {
            list.forEach(v -> walkStrings(v, visitor));
        } else if (tree instanceof String s) {
            visitor.accept(s);
        }
    }
}
