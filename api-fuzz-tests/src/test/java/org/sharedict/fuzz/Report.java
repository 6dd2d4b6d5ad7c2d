package org.sharedict.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sharedict.fuzz.Finding.Kind;

/**
 * What the fuzzing saw: counts, and every finding grouped by kind and place (operation and kind of
 * input) with one reproducible example each. Written as {@code fuzz-report.md} for people and
 * {@code fuzz-findings.jsonl} (every finding) for tools.
 */
final class Report {

    private static final Pattern ERROR_LINE =
            Pattern.compile("^\\S+ \\S+ ERROR \\[(fuzz-[0-9a-z]+-[0-9]+-[0-9]+)] \\[[^]]*] \\([^)]*\\) (.*)$");

    private record Sent(String operation, String label, String target, String request, String answer) {}

    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Sent> sent = new LinkedHashMap<>();
    private final Map<String, int[]> perOperation = new TreeMap<>();
    private final int[] byClass = new int[6];
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private int unsettled;
    private long startedAt = System.currentTimeMillis();

    void setting(String name, Object value) {
        settings.put(name, String.valueOf(value));
    }

    void started() {
        startedAt = System.currentTimeMillis();
    }

    void note(String note) {
        notes.add(note);
    }

    void answered(ApiSpec.Operation op, FuzzCase c, Answer answer, String requestId, String request) {
        byClass[Math.min(answer.status() / 100, 5)]++;
        int[] counts = perOperation.computeIfAbsent(op.key(), k -> new int[8]);
        counts[0]++;
        counts[Math.min(Math.max(answer.status() / 100, 1), 5)]++;
        counts[6] += (int) answer.millis();
        if (c.label().equals(CaseGenerator.VALID) && c.actor() == null) {
            counts[7] = answer.status();
        }
        sent.put(requestId, new Sent(op.key(), c.label(), c.target(), request, Fuzzer.describe(answer)));
    }

    void add(Finding f) {
        findings.add(f);
    }

    void unsettled() {
        unsettled++;
    }

    int requests() {
        return sent.size();
    }

    List<Finding> findings() {
        return findings;
    }

    /** ERROR lines the services logged for fuzzed requests (found by the X-Request-Id every request carries). */
    List<Finding> scanLogs(Map<String, Path> logs) {
        List<Finding> found = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, Path> log : logs.entrySet()) {
            if (!Files.isRegularFile(log.getValue())) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(log.getValue(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                notes.add("could not read " + log.getValue() + ": " + e.getMessage());
                continue;
            }
            for (String line : lines) {
                Matcher m = ERROR_LINE.matcher(line);
                if (m.matches() && seen.add(log.getKey() + m.group(1))) {
                    Sent s = sent.get(m.group(1));
                    if (s != null) {
                        Finding f = new Finding(
                                Kind.ERROR_LOGGED,
                                s.operation(),
                                s.label(),
                                s.target(),
                                0,
                                log.getKey() + ": " + Fuzzer.shorten(m.group(2), 400),
                                s.request(),
                                s.answer(),
                                m.group(1));
                        found.add(f);
                        findings.add(f);
                    }
                }
            }
        }
        return found;
    }

    /** Places (operation and kind of input) per kind, each with its findings in the order seen. */
    Map<Kind, Map<String, List<Finding>>> places() {
        Map<Kind, Map<String, List<Finding>>> places = new EnumMap<>(Kind.class);
        for (Finding f : findings) {
            places.computeIfAbsent(f.kind(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(f.place(), k -> new ArrayList<>())
                    .add(f);
        }
        return places;
    }

    /** The counts, as in the report's head. */
    String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "operations fuzzed: %d, requests sent: %,d (2xx %,d, 3xx %,d, 4xx %,d, 5xx %,d, no answer %,d) in %d s%n",
                perOperation.size(),
                requests(),
                byClass[2],
                byClass[3],
                byClass[4],
                byClass[5],
                byClass[0],
                (System.currentTimeMillis() - startedAt) / 1000));
        Map<Kind, Map<String, List<Finding>>> places = places();
        for (Kind k : Kind.values()) {
            Map<String, List<Finding>> p = places.getOrDefault(k, Map.of());
            int answers = p.values().stream().mapToInt(List::size).sum();
            b.append(String.format("  %-48s %,6d answers at %,4d places%n", k.title + ":", answers, p.size()));
        }
        return b.toString();
    }

    Path write(Path dir) {
        StringBuilder md = new StringBuilder();
        md.append("# API fuzz report\n\n");
        settings.forEach(
                (k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n```\n").append(summary()).append("```\n\n");
        if (unsettled > 0) {
            notes.add(
                    unsettled
                            + " accepted writes were followed by database changes for more than 5 s (a write found after them may be theirs)");
        }
        if (!notes.isEmpty()) {
            md.append("## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        md.append(
                "A place is an operation and a kind of input; each is shown with its first example. Every finding is in "
                        + "`fuzz-findings.jsonl`. The request ID is in the services' logs (`target/platform/logs/`).\n\n");
        Map<Kind, Map<String, List<Finding>>> places = places();
        for (Kind k : Kind.values()) {
            Map<String, List<Finding>> p = places.get(k);
            if (p == null) {
                continue;
            }
            md.append("## ")
                    .append(k.title)
                    .append(" — ")
                    .append(p.size())
                    .append(" places\n\n")
                    .append(k.rule)
                    .append("\n\n");
            for (Map.Entry<String, List<Finding>> e : p.entrySet()) {
                Finding f = e.getValue().get(0);
                md.append("### ")
                        .append(e.getKey())
                        .append(e.getValue().size() > 1 ? " ×" + e.getValue().size() : "")
                        .append("\n\n");
                md.append(f.detail())
                        .append(" (request ID `")
                        .append(f.requestId())
                        .append("`)\n\n");
                md.append("```\n").append(f.request().replace("```", "'''")).append("\n```\n");
                md.append("```\n").append(f.answer().replace("```", "'''")).append("\n```\n\n");
            }
        }
        md.append(
                "## Operations\n\nThe valid request is the base every other case changes one thing of; where it was refused "
                        + "(a state the fuzzing itself reached, or a fixture to mend) the per-field cases prove less.\n\n"
                        + "| operation | requests | 1xx–2xx | 3xx | 4xx | 5xx | findings | valid request | ms |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Long> perOp = new TreeMap<>();
        findings.forEach(f -> perOp.merge(f.operation(), 1L, Long::sum));
        perOperation.forEach((op, c) -> md.append("| `")
                .append(op)
                .append("` | ")
                .append(c[0])
                .append(" | ")
                .append(c[1] + c[2])
                .append(" | ")
                .append(c[3])
                .append(" | ")
                .append(c[4])
                .append(" | ")
                .append(c[5])
                .append(" | ")
                .append(perOp.getOrDefault(op, 0L))
                .append(" | ")
                .append(c[7])
                .append(" | ")
                .append(c[6])
                .append(" |\n"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("fuzz-report.md");
            Files.writeString(file, md, StandardCharsets.UTF_8);
            StringBuilder jsonl = new StringBuilder();
            for (Finding f : findings) {
                ObjectNode o = Client.JSON.createObjectNode();
                o.put("kind", f.kind().name())
                        .put("operation", f.operation())
                        .put("input", f.label())
                        .put("target", f.target())
                        .put("detail", f.detail())
                        .put("requestId", f.requestId())
                        .put("request", f.request())
                        .put("answer", f.answer());
                jsonl.append(Client.write(o)).append('\n');
            }
            Files.writeString(dir.resolve("fuzz-findings.jsonl"), jsonl, StandardCharsets.UTF_8);
            return file.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
