import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Light mixed reads against one service, for bench/footprint/run.sh (docs/PERFORMANCE.md, "Footprint and
 * start-up"): a fixed rate of the reads people make most (experts, on-call, rotas, plans, templates,
 * partners, users), sent by several clients at once from the first second, so that the cold paths
 * (Hibernate parsing each query the first time) are hit concurrently as after a real restart. Samples
 * the service's resident memory (VmRSS) twice a second meanwhile.
 *
 *   java Footprint.java keys DIR
 *   java Footprint.java probe SERVICE URL KEYS                       one request of each kind, with its status
 *   java Footprint.java load SERVICE URL KEYS PID SECONDS RATE CLIENTS
 */
public class Footprint {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "keys" -> keys(Path.of(args[1]));
            case "probe" -> probe(args[1], args[2], Path.of(args[3]));
            case "load" -> load(args[1], args[2], Path.of(args[3]), Long.parseLong(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            default -> throw new IllegalArgumentException("keys | probe | load");
        }
    }

    /** The reads of each service: a path, given a random source. */
    static List<Function<Random, String>> reads(String service) {
        Function<Random, String> partner = r -> String.format("BP%02d", 1 + r.nextInt(20));
        return switch (service) {
            case "skills-service" -> List.of(
                    r -> "/api/experts?skill=BSKILL" + (1 + r.nextInt(300)) + "&skill=BSKILL" + (1 + r.nextInt(300))
                            + "&minLevel=2&match=" + (r.nextBoolean() ? "all" : "any") + "&excludePartner=" + partner.apply(r) + "&size=20",
                    r -> "/api/partners",
                    r -> "/api/partners/" + partner.apply(r),
                    r -> "/api/skills?size=20",
                    r -> "/api/people?size=20&partner=" + partner.apply(r));
            case "rota-service" -> List.of(
                    r -> "/api/oncall?partner=" + partner.apply(r) + "&at="
                            + LocalDate.of(2027, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(r.nextInt(365 * 24 * 60))),
                    r -> "/api/oncall?partner=" + partner.apply(r),
                    r -> "/api/rotas?size=20",
                    r -> "/api/rotas?partner=" + partner.apply(r) + "&size=20",
                    r -> "/api/escalation-policies",
                    r -> "/api/incidents?size=20");
            case "dr-planner" -> List.of(
                    r -> "/api/dr/plans",
                    r -> "/api/dr/templates",
                    r -> "/api/dr/exercises",
                    r -> "/api/dr/readiness");
            case "gateway" -> List.of(
                    r -> "/api/users",
                    r -> "/api/users/directory?role=manager&partner=" + partner.apply(r),
                    r -> "/api/auth/providers",
                    r -> "/api/auth/audit?size=20",
                    r -> "/api/api-keys");
            default -> throw new IllegalArgumentException(service);
        };
    }

    static void probe(String service, String url, Path keys) throws Exception {
        String token = token(keys);
        Random r = new Random(1);
        for (Function<Random, String> read : reads(service)) {
            String path = read.apply(r);
            HttpResponse<String> res = send(url + path, token);
            String body = res.body();
            System.out.printf("%d %s %s%n", res.statusCode(), path, body.substring(0, Math.min(120, body.length())).replace('\n', ' '));
        }
    }

    static void load(String service, String url, Path keys, long pid, int seconds, int rate, int clients) throws Exception {
        String token = token(keys);
        List<Function<Random, String>> reads = reads(service);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        AtomicLong peakRss = new AtomicLong(rssKb(pid));
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakRss.accumulateAndGet(rssKb(pid), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        int total = seconds * rate;
        long start = System.nanoTime();
        Random rnd = new Random(42);
        for (int i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String path = reads.get(i % reads.size()).apply(rnd);
            pool.execute(() -> {
                try {
                    HttpResponse<String> res = send(url + path, token);
                    if (res.statusCode() >= 400) {
                        failures.computeIfAbsent(res.statusCode() + " " + path.replaceAll("\\?.*", ""), k -> new AtomicLong()).incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                }
                // From when the request was due: a stalled service cannot hide behind a waiting client.
                latencies.add(System.nanoTime() - due);
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        sampler.interrupt();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long failed = failures.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("requests %d%nfailed %d%np50_ms %.1f%np95_ms %.1f%nmax_ms %.1f%npeak_rss_kb %d%n", sorted.size(), failed,
                pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 1.0), peakRss.get());
        new TreeMap<>(failures).forEach((k, v) -> System.out.println("failure " + v + " x " + k));
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1 < 0 ? 0 : Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // the process has gone: nothing more to sample
        }
        return 0;
    }

    static HttpResponse<String> send(String uri, String token) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    // ---- keys and tokens (as the other benchmarks) ---------------------------------------------

    static void keys(Path dir) throws Exception {
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve("privateKey.pem"))) {
            return;
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        Files.writeString(dir.resolve("publicKey.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(dir.resolve("privateKey.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    static String pem(String type, byte[] der) {
        String dashes = "-----";
        return dashes + "BEGIN " + type + dashes + "\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n" + dashes + "END " + type + dashes + "\n";
    }

    static String token(Path dir) throws Exception {
        String body = Files.readString(dir.resolve("privateKey.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"https://sharedict.local/gateway\",\"sub\":\"bench\",\"upn\":\"bench\",\"groups\":[\"admin\",\"manager\"],"
                + "\"partner\":\"BP01\",\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }
}
