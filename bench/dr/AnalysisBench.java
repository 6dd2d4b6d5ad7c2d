/*
 * Benchmark of dr-planner's plan analysis on a plan with 2,000 activities and 10,000 dependencies,
 * each activity with a business impact assessment and a backup regime: recovery analysis, then the
 * impact analysis (MTPD, RTO and RPO inherited through dependencies, backup findings).
 * Single-file Java program; docs/PERFORMANCE.md has the commands and the latest figures.
 *
 *   in-process: template JSON -> read -> merge with a customisation -> analyse -> answer JSON
 *     java -cp "$(cat /tmp/dr.cp):dr-planner/target/classes" bench/dr/AnalysisBench.java
 *
 *   over HTTP against a running dr-planner (creates a template and a plan, assesses every activity,
 *   then times GET .../analysis and GET .../impact):
 *     java -cp "$(cat /tmp/dr.cp):dr-planner/target/classes" bench/dr/AnalysisBench.java \
 *          --url http://localhost:8083 --key .data/keys/privateKey.pem
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.sharedict.dr.analysis.PlanAnalysis;
import org.sharedict.dr.impact.ImpactAnalysis;
import org.sharedict.dr.impact.ImpactDtos;
import org.sharedict.dr.impact.ImpactScale.ImpactCategory;
import org.sharedict.dr.model.Activity;
import org.sharedict.dr.model.Category;
import org.sharedict.dr.model.Customisation;
import org.sharedict.dr.model.PlanMerger;
import org.sharedict.dr.model.Step;
import org.sharedict.dr.model.TemplateContent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;

public class AnalysisBench {

    static final int ACTIVITIES = 2_000;
    static final int DEPENDENCIES = 10_000;
    static final int WARMUP = 30;
    static final int RUNS = 100;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        TemplateContent template = template(new Random(2026));
        int deps = template.activities().stream().mapToInt(a -> a.dependsOn().size()).sum();
        System.out.printf("plan: %d activities, %d dependencies, %d steps%n", template.activities().size(), deps,
                template.activities().stream().mapToInt(a -> a.steps().size()).sum());
        if (opts.containsKey("--url")) {
            http(opts.get("--url"), Path.of(opts.getOrDefault("--key", ".data/keys/privateKey.pem")),
                    opts.getOrDefault("--issuer", "https://sharedict.local/gateway"), template);
        } else {
            inProcess(template);
        }
    }

    /** A random DAG: each activity depends only on activities earlier in a hidden order, ~5 each. */
    static TemplateContent template(Random rnd) {
        List<List<String>> dependsOn = new ArrayList<>();
        for (int i = 0; i < ACTIVITIES; i++) {
            dependsOn.add(new ArrayList<>());
        }
        int added = 0;
        while (added < DEPENDENCIES) {
            int a = 1 + rnd.nextInt(ACTIVITIES - 1);
            int b = rnd.nextInt(a);
            String key = "a" + b;
            if (!dependsOn.get(a).contains(key)) {
                dependsOn.get(a).add(key);
                added++;
            }
        }
        Category[] cats = Category.values();
        List<Activity> as = new ArrayList<>();
        for (int i = 0; i < ACTIVITIES; i++) {
            List<Step> steps = new ArrayList<>();
            for (int s = 0; s < 1 + rnd.nextInt(3); s++) {
                steps.add(new Step("s" + s, "Step " + s + " of activity " + i, "Do the thing, then check it.", 5 + rnd.nextInt(120),
                        "SKILL_" + rnd.nextInt(40), "Role " + rnd.nextInt(10)));
            }
            Category c = cats[rnd.nextInt(cats.length)];
            int rto = 60 * (1 + rnd.nextInt(72));
            as.add(new Activity("a" + i, "Activity " + i, c, 1 + rnd.nextInt(4), rto, 60, c == Category.BUSINESS_SERVICE ? rto * 2 : null,
                    null, dependsOn.get(i), steps));
        }
        return new TemplateContent(as);
    }

    /** Every activity assessed: ratings rising over time in each category, a backup regime, a restore test date. */
    static Map<String, ImpactDtos.Assessment> assessments(TemplateContent template, Random rnd) {
        Map<String, ImpactDtos.Assessment> out = new LinkedHashMap<>();
        for (Activity a : template.activities()) {
            Map<ImpactCategory, List<Integer>> ratings = new EnumMap<>(ImpactCategory.class);
            for (ImpactCategory c : ImpactCategory.values()) {
                List<Integer> rs = new ArrayList<>();
                int r = 1;
                for (int t = 0; t < 5; t++) {
                    r = Math.min(5, r + rnd.nextInt(2));
                    rs.add(r);
                }
                ratings.put(c, rs);
            }
            out.put(a.key(), new ImpactDtos.Assessment(ratings, 30 * (1 + rnd.nextInt(96)), rnd.nextBoolean(),
                    LocalDate.of(2026, 12, 1).minusDays(rnd.nextInt(730))));
        }
        return out;
    }

    static Customisation customisation() {
        List<Customisation.FieldOverride> overrides = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            overrides.add(new Customisation.FieldOverride("a" + (i * 37), null, "rtoMinutes", IntNode.valueOf(240)));
        }
        List<Customisation.Exclusion> exclusions = List.of(new Customisation.Exclusion("a1999", null, null, "not here"));
        return new Customisation(overrides, Customisation.Additions.NONE, exclusions);
    }

    static void inProcess(TemplateContent template) throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        String stored = json.writeValueAsString(template);
        String custom = json.writeValueAsString(customisation());
        System.out.printf("stored template version: %.1f MB of JSON%n", stored.length() / 1e6);
        Map<String, ImpactAnalysis.Assessed> assessed = new HashMap<>();
        assessments(template, new Random(22317)).forEach((k, v) -> assessed.put(k, new ImpactAnalysis.Assessed(v, 0)));
        long[] analysisOnly = new long[RUNS];
        long[] impactOnly = new long[RUNS];
        long[] pipeline = new long[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            TemplateContent t = json.readValue(stored, TemplateContent.class);
            Customisation c = json.readValue(custom, Customisation.class);
            PlanMerger.Result merged = PlanMerger.merge(t, c);
            if (!merged.ok()) {
                throw new IllegalStateException(merged.errors().toString());
            }
            long t1 = System.nanoTime();
            PlanAnalysis.Result r = PlanAnalysis.analyse(merged.plan(), Set.of("Role 1", "Role 2"), 3);
            long t2 = System.nanoTime();
            ImpactAnalysis.Result impact = ImpactAnalysis.analyse(merged.plan(), assessed, LocalDate.of(2026, 12, 7), 12);
            long t3 = System.nanoTime();
            String answer = json.writeValueAsString(r);
            // What GET .../impact answers: per-activity impact and findings, the looser dependencies.
            String impactAnswer = json.writeValueAsString(
                    Map.of("activities", impact.activities(), "looserRtos", impact.looserRtos(), "looserRpos", impact.looserRpos()));
            long t4 = System.nanoTime();
            if (i >= WARMUP) {
                analysisOnly[i - WARMUP] = t2 - t1;
                impactOnly[i - WARMUP] = t3 - t2;
                pipeline[i - WARMUP] = t4 - t0;
            }
            if (i == 0) {
                System.out.printf("answer: %d activities in order, %d RTO misses, %d critical activities, %.1f MB of JSON%n",
                        r.recoveryOrder().size(), r.feasibility().missCount(), r.criticalActivities().size(), answer.length() / 1e6);
                System.out.printf("impact: %d findings, %d looser RTO and %d looser RPO dependencies, %.1f MB of JSON%n",
                        impact.findings().size(), impact.looserRtos().size(), impact.looserRpos().size(), impactAnswer.length() / 1e6);
            }
        }
        report("analysis only (order, critical path, misses with chains, dependants)", analysisOnly);
        report("impact only (MTPD, RTO/RPO inheritance, looser dependencies, backup findings)", impactOnly);
        report("read + merge + analyse + impact + write both JSON answers", pipeline);
    }

    static void http(String base, Path key, String issuer, TemplateContent template) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        String token = token(key, issuer);
        String code = "BENCH-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        Map<?, ?> t = send(http, json, token, "POST", base + "/api/dr/templates", Map.of("code", code, "name", "Benchmark template"));
        Object id = t.get("id");
        send(http, json, token, "POST", base + "/api/dr/templates/" + id + "/versions", Map.of("content", template));
        send(http, json, token, "POST", base + "/api/dr/templates/" + id + "/versions/1/publish", null);
        Map<?, ?> plan = send(http, json, token, "POST", base + "/api/dr/plans", Map.of("partner", "BENCH", "name", "Benchmark plan", "templateId", id));
        Map<String, Object> custom = new LinkedHashMap<>();
        Customisation c = customisation();
        custom.put("overrides", c.overrides());
        custom.put("exclusions", c.exclusions());
        custom.put("version", plan.get("version"));
        send(http, json, token, "PUT", base + "/api/dr/plans/" + plan.get("id") + "/customisation", custom);
        Map<String, ImpactDtos.Assessment> assessments = assessments(template, new Random(22317));
        java.util.Set<String> excluded = new java.util.HashSet<>();
        c.exclusions().forEach(x -> excluded.add(x.activityKey()));
        for (var e : assessments.entrySet()) {
            // The plan leaves the excluded activity out: it has no impact to assess (404).
            if (excluded.contains(e.getKey())) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ratings", e.getValue().ratings());
            body.put("backupFrequencyMinutes", e.getValue().backupFrequencyMinutes());
            body.put("offlineCopy", e.getValue().offlineCopy());
            body.put("lastRestoreTest", e.getValue().lastRestoreTest().toString());
            send(http, json, token, "PUT", base + "/api/dr/plans/" + plan.get("id") + "/impact/" + e.getKey(), body);
        }
        time(http, token, URI.create(base + "/api/dr/plans/" + plan.get("id") + "/analysis?skills=false"),
                "GET /api/dr/plans/{id}/analysis?skills=false over HTTP (plan id " + plan.get("id") + ")");
        time(http, token, URI.create(base + "/api/dr/plans/" + plan.get("id") + "/impact"),
                "GET /api/dr/plans/{id}/impact over HTTP, 2,000 assessments (plan id " + plan.get("id") + ")");
    }

    static void time(HttpClient http, String token, URI analysis, String what) throws Exception {
        long[] times = new long[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(analysis).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long t1 = System.nanoTime();
            if (r.statusCode() != 200) {
                throw new IllegalStateException("analysis answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
            if (i >= WARMUP) {
                times[i - WARMUP] = t1 - t0;
            }
        }
        report(what, times);
    }

    static Map<?, ?> send(HttpClient http, ObjectMapper json, String token, String method, String url, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readValue(r.body(), Map.class);
    }

    /** An admin token of the platform's token contract, signed with the local run's key. */
    static String token(Path privateKey, String issuer) throws Exception {
        String pem = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        ObjectMapper json = new ObjectMapper();
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = Map.of("iss", issuer, "sub", "bench", "upn", "bench", "groups", List.of("admin"),
                "iat", now, "exp", now + 3600);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String head = b64.encodeToString(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
        String body = b64.encodeToString(json.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((head + "." + body).getBytes(StandardCharsets.US_ASCII));
        return head + "." + body + "." + b64.encodeToString(rsa.sign());
    }

    static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%s: median %.1f ms, p95 %.1f ms, max %.1f ms (%d runs after %d warm-up)%n", what,
                s[s.length / 2] / 1e6, s[(int) Math.ceil(s.length * 0.95) - 1] / 1e6, s[s.length - 1] / 1e6, s.length, WARMUP);
    }
}
