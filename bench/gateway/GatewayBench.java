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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gateway overhead (docs/PERFORMANCE.md): the same authenticated read sent straight to
 * skills-service and through the gateway, in alternating rounds of one run, so both see the same
 * machine. Run through bench/gateway/run.sh:
 *
 *   java GatewayBench.java keys  DIR
 *   java GatewayBench.java seed  SKILLS_URL KEY_DIR
 *   java GatewayBench.java load  DIRECT_URL GATEWAY_URL KEY_DIR path clients seconds rounds rate
 *
 * Each round is a closed loop (N clients, each sending the next request when the last answers:
 * throughput) against one target, then the other; then an open loop at a fixed rate against
 * each, every request timed from when it was due (latency without queueing on the client side).
 */
public class GatewayBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "keys" -> keys(Path.of(args[1]));
            case "seed" -> seed(args[1], Path.of(args[2]));
            case "load" -> load(args[1], args[2], Path.of(args[3]), args[4], Integer.parseInt(args[5]), Integer.parseInt(args[6]),
                    Integer.parseInt(args[7]), Integer.parseInt(args[8]));
            default -> throw new IllegalArgumentException("keys | seed | load");
        }
    }

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

    static String token(Path dir, String role, String partner) throws Exception {
        String body = Files.readString(dir.resolve("privateKey.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"https://sharedict.local/gateway\",\"sub\":\"bench\",\"upn\":\"bench\",\"groups\":[\"" + role + "\"],"
                + (partner == null ? "" : "\"partner\":\"" + partner + "\",") + "\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(rsa.sign());
    }

    static void seed(String skills, Path keys) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(skills + "/api/partners"))
                .header("Authorization", "Bearer " + token(keys, "admin", null)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"BP01\",\"name\":\"Bench Partner 1\",\"type\":\"DISTRICT_COUNCIL\","
                        + "\"serviceDeskPhone\":\"01632 960000\",\"email\":\"ict@bench.example.gov.uk\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("seeding answered " + r.statusCode() + ": " + r.body());
        }
    }

    record Result(double throughput, long[] nanos, int errors) {
        double p(double q) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            long[] s = nanos.clone();
            Arrays.sort(s);
            return s[(int) Math.min(s.length - 1, Math.ceil(q / 100.0 * s.length) - 1)] / 1e6;
        }
    }

    static void load(String direct, String gateway, Path keys, String path, int clients, int seconds, int rounds, int rate)
            throws Exception {
        String token = token(keys, "manager", "BP01");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("GET %s, %d clients, %d rounds of %d s each way, then %d/s open loop%n", path, clients, rounds, seconds, rate);
        List<long[]> d = new ArrayList<>();
        List<long[]> g = new ArrayList<>();
        double dRate = 0;
        double gRate = 0;
        int errors = 0;
        for (int i = 0; i < rounds; i++) {
            Result a = closedLoop(http, direct + path, token, clients, seconds);
            Result b = closedLoop(http, gateway + path, token, clients, seconds);
            System.out.printf("round %d: direct %.0f/s p50 %.2f ms p95 %.2f ms | gateway %.0f/s p50 %.2f ms p95 %.2f ms%n",
                    i + 1, a.throughput, a.p(50), a.p(95), b.throughput, b.p(50), b.p(95));
            d.add(a.nanos);
            g.add(b.nanos);
            dRate += a.throughput / rounds;
            gRate += b.throughput / rounds;
            errors += a.errors + b.errors;
        }
        Result dAll = new Result(dRate, concat(d), 0);
        Result gAll = new Result(gRate, concat(g), 0);
        System.out.printf("closed loop: direct %.0f/s (p50 %.2f, p95 %.2f ms), gateway %.0f/s (p50 %.2f, p95 %.2f ms): "
                + "throughput ratio %.2f, added p50 %.2f ms; errors %d%n", dAll.throughput, dAll.p(50), dAll.p(95),
                gAll.throughput, gAll.p(50), gAll.p(95), gAll.throughput / dAll.throughput, gAll.p(50) - dAll.p(50), errors);
        Result od = openLoop(http, direct + path, token, rate, seconds);
        Result og = openLoop(http, gateway + path, token, rate, seconds);
        System.out.printf("open loop at %d/s: direct p50 %.2f ms p95 %.2f ms p99 %.2f ms | gateway p50 %.2f ms p95 %.2f ms p99 %.2f ms: "
                + "added p50 %.2f ms, p95 %.2f ms; errors %d%n", rate, od.p(50), od.p(95), od.p(99), og.p(50), og.p(95), og.p(99),
                og.p(50) - od.p(50), og.p(95) - od.p(95), od.errors + og.errors);
        long gatewayRequests = g.stream().mapToLong(a -> a.length).sum() + og.nanos.length;
        long directRequests = d.stream().mapToLong(a -> a.length).sum() + od.nanos.length;
        System.out.println("gateway-requests " + gatewayRequests);
        System.out.println("service-requests " + (gatewayRequests + directRequests));
    }

    static long[] concat(List<long[]> parts) {
        return parts.stream().flatMapToLong(Arrays::stream).toArray();
    }

    static Result closedLoop(HttpClient http, String url, String token, int clients, int seconds) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                long[] mine = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < mine.length) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine[n++] = System.nanoTime() - t0;
                }
                all.add(Arrays.copyOf(mine, n));
                done.countDown();
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] nanos = concat(new ArrayList<>(all));
        return new Result(nanos.length / elapsed, nanos, errors.get());
    }

    static Result openLoop(HttpClient http, String url, String token, int rate, int seconds) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
        int total = rate * seconds;
        long[] nanos = new long[total];
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(64, Math.max(4, rate / 20)));
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int k = i;
            pool.submit(() -> {
                try {
                    HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                nanos[k] = System.nanoTime() - due;
                done.countDown();
            });
        }
        done.await();
        pool.shutdown();
        return new Result(total / ((System.nanoTime() - start) / 1e9), nanos, errors.get());
    }
}
