/*
 * Monitoring intake through the gateway (docs/PERFORMANCE.md, "Monitoring intake"). Single-file Java
 * program run by bench/rota/run.sh (PARTS=intake), which starts rota-service and, in front of it, the
 * gateway:
 *
 *   intake <rota url> <gateway url> <keys> <jdbc> <rate> <seconds> <repeat %>
 *
 * Makes an integration key (generic JSON, default severity HIGH) whose policy pages a webhook of the
 * stub once per incident, then posts <rate> alerts a second for <seconds> seconds to the gateway's
 * POST /api/intake/{key}/events, an open loop: each request is timed from the moment it was due, so
 * a slow answer cannot hide the queue behind it. <repeat %> of them repeat the dedup key of an alert
 * answered earlier (monitoring re-sending a firing alert); the rest are new. Afterwards the database
 * is counted: every new key answered 202 must have made exactly one incident, no key more than one,
 * and every alert recorded must be counted on its incident (no lost and no doubled incidents). An
 * alert the gateway gave up waiting for (503) may still have been handled: it is counted, not lost.
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class IntakeBench {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static void main(String[] args) throws Exception {
        if (args.length != 8 || !args[0].equals("intake")) {
            throw new IllegalArgumentException("intake <rota url> <gateway url> <keys> <jdbc> <rate> <seconds> <repeat %>");
        }
        intake(args[1], args[2], Path.of(args[3]), args[4], Integer.parseInt(args[5]), Integer.parseInt(args[6]),
                Integer.parseInt(args[7]));
    }

    static void intake(String rota, String gateway, Path keys, String jdbc, int rate, int seconds, int repeatPercent)
            throws Exception {
        String t = token(keys);
        String stubUrl = System.getenv().getOrDefault("BENCH_STUB_URL", "http://127.0.0.1:18093");
        String run = Long.toString(System.currentTimeMillis(), 36);
        long policy = id(ok(send("POST", rota + "/api/escalation-policies", t, """
                {"name":"Bench intake %s","partner":"BP03","steps":[
                  {"delay":"PT1H","targets":[{"kind":"WEBHOOK","url":"%s/hook"}]}]}
                """.formatted(run, stubUrl))));
        String created = ok(send("POST", rota + "/api/integrations", t, """
                {"partner":"BP03","name":"Bench monitoring %s","service":"Bench service","policyId":%d,"defaultSeverity":"HIGH"}
                """.formatted(run, policy)));
        String key = field(created, "key");
        long integration = id(created.substring(created.indexOf("\"integration\"")));
        String url = gateway + "/api/intake/" + key + "/events";

        // Warm-up through the gateway (JIT, connections), on keys of their own, not counted in the figures.
        int warmUp = Integer.parseInt(System.getenv().getOrDefault("INTAKE_WARMUP", "200"));
        for (int i = 0; i < warmUp; i++) {
            post(url, alert("warm-" + run + "-" + i)).join();
        }
        // CPU of rota-service, the gateway and MariaDB over the timed phase only (run.sh passes their PIDs):
        // the cost of an alert once warmed up, beside run.sh's figure, which includes the warm-up.
        List<ProcessHandle> measured = java.util.Arrays.stream(System.getenv().getOrDefault("BENCH_CPU_PIDS", "").trim().split("\\s+"))
                .filter(p -> !p.isEmpty()).map(p -> ProcessHandle.of(Long.parseLong(p)).orElse(null)).toList();
        long[] cpu0 = cpu(measured);

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> answered = new CopyOnWriteArrayList<>();
        AtomicInteger acceptedNew = new AtomicInteger();
        AtomicInteger acceptedRepeats = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        Random rnd = new Random(15);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        int sent = rate * seconds;
        for (int i = 0; i < sent; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            boolean repeat = rnd.nextInt(100) < repeatPercent && !answered.isEmpty();
            String dedup = repeat ? answered.get(rnd.nextInt(answered.size())) : "bench-" + run + "-" + i;
            all.add(post(url, alert(dedup)).whenComplete((r, e) -> {
                latencies.add(System.nanoTime() - due);
                int status = e != null ? -1 : r.statusCode();
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                if (status == 202) {
                    if (repeat) {
                        acceptedRepeats.incrementAndGet();
                    } else {
                        acceptedNew.incrementAndGet();
                        answered.add(dedup);
                    }
                }
            }));
        }
        double sending = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        long[] cpu1 = cpu(measured);
        long[] ns = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("intake: %d alerts in %.1f s (%.0f/s asked %d/s), %d%% repeats; answers %s%n", sent, sending,
                sent / sending, rate, repeatPercent, statuses);
        System.out.printf("intake latency (from when due, through the gateway): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.0f ms%n",
                pct(ns, 0.50) / 1e6, pct(ns, 0.95) / 1e6, pct(ns, 0.99) / 1e6, ns[ns.length - 1] / 1e6);

        int accepted = acceptedNew.get() + acceptedRepeats.get();
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            String ours = "integration_key_id = %d AND dedup_key LIKE 'bench-%s-%%'".formatted(integration, run);
            long recorded = count(s, "SELECT COUNT(*) FROM intake_alert WHERE " + ours);
            long occurrences = count(s, "SELECT COALESCE(SUM(occurrences), 0) FROM incident WHERE id IN "
                    + "(SELECT incident_id FROM intake_alert WHERE " + ours + ")");
            Map<String, Long> incidentsPerKey = new java.util.HashMap<>();
            try (ResultSet r = s.executeQuery("SELECT dedup_key, COUNT(DISTINCT incident_id) FROM intake_alert WHERE " + ours
                    + " GROUP BY dedup_key")) {
                while (r.next()) {
                    incidentsPerKey.put(r.getString(1), r.getLong(2));
                }
            }
            long incidents = incidentsPerKey.values().stream().mapToLong(Long::longValue).sum();
            // Lost: an alert the gateway answered 202 for a new key that made no incident. Doubled: a key with two incidents.
            long lost = answered.stream().filter(k -> incidentsPerKey.getOrDefault(k, 0L) == 0).count();
            long doubled = incidentsPerKey.values().stream().filter(n -> n > 1).count();
            System.out.printf("database: %d alerts recorded (%d answered 202: %d new keys, %d repeats; %d handled after the gateway "
                    + "had stopped waiting); %d incidents for %d keys; occurrences on them %d%n", recorded, accepted, acceptedNew.get(),
                    acceptedRepeats.get(), recorded - accepted, incidents, incidentsPerKey.size(), occurrences);
            System.out.printf("lost (answered 202, no incident): %d; doubled (a key with more than one incident): %d%n", lost, doubled);
            if (cpu0.length == 3 && recorded > 0) {
                System.out.printf("cpu per alert in the timed phase (after %d warm-up alerts): rota-service %.1f ms, gateway %.1f ms, "
                        + "mariadb %.1f ms (%d alerts)%n", warmUp, (cpu1[0] - cpu0[0]) / 1e6 / recorded,
                        (cpu1[1] - cpu0[1]) / 1e6 / recorded, (cpu1[2] - cpu0[2]) / 1e6 / recorded, recorded);
            }
            boolean fine = lost == 0 && doubled == 0 && recorded >= accepted && occurrences == recorded;
            System.out.println(fine ? "no lost or doubled incidents" : "MISMATCH: lost or doubled alerts or incidents (see above)");
            if (!fine) {
                System.exit(2);
            }
        }
    }

    /** Each process's CPU time so far, in nanoseconds (empty when not all three are known). */
    static long[] cpu(List<ProcessHandle> processes) {
        if (processes.size() != 3 || processes.contains(null)) {
            return new long[0];
        }
        return processes.stream()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .toArray();
    }

    static String alert(String dedup) {
        return """
                {"action":"trigger","dedupKey":"%s","summary":"Disk C: on bench-host nearly full","severity":"warning",
                 "details":"Free space 4%%","links":[{"href":"https://monitoring.bench.example/host/1","text":"Graph"}]}"""
                .formatted(dedup);
    }

    static CompletableFuture<HttpResponse<String>> post(String url, String json) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.sendAsync(r, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String ok(HttpResponse<String> r) {
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static long id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static double pct(long[] sorted, double q) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    /** An admin's token signed with the benchmark's key pair (the one rota-service and the gateway were given). */
    static String token(Path dir) throws Exception {
        String body = Files.readString(dir.resolve("privateKey.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"https://sharedict.local/gateway\",\"sub\":\"bench\",\"upn\":\"bench\",\"groups\":[\"admin\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 4 * 3600) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(rsa.sign());
    }
}
