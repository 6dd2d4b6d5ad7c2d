/*
 * Benchmarks of rota-service (docs/PERFORMANCE.md, "rota-service"). Single-file Java program run by
 * bench/rota/run.sh, which starts the packaged service against its own database (rota_bench):
 *
 *   keys <dir>                                       a throwaway JWT key pair
 *   resetdb <jdbc base> <name>                       drops and creates the benchmark database
 *   stub <port>                                      skills-service stand-in (GET /api/people/{id}, /api/partners/{code}) and a webhook sink
 *   seed <url> <keys>                                ten rotas over 23 partners, one of 50 members with overrides and leave
 *   lookup <url> <keys> <clients> <seconds> <rate>   GET /api/oncall: closed loop (throughput), then a fixed rate (latency)
 *   expand <url> <keys>                              one year of the 50-member rota: in-process and over HTTP
 *   gaps <url> <keys>                                cover gaps of 50 rotas over 28 days: in-process (CoverGaps) and over HTTP
 *   escalate <url> <keys> <jdbc> <n> <rate> <delay>  n incidents whose step 2 falls due <delay> s after each was raised;
 *                                                    lateness of step 2 (fired minus due) read from the timeline
 *   fanout <url> <keys> <jdbc> <n> <rate>            n HIGH incidents paging one person with 3 verified methods (SMS through the
 *                                                    stub's Notify API, Teams, Slack); lateness from the page's due time to the
 *                                                    provider's answer (the notification's sent_at), from the outbox
 */
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RotaBench {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int PARTNERS = 23;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "keys" -> keys(Path.of(args[1]));
            case "resetdb" -> resetDb(args[1], args[2]);
            case "stub" -> stub(Integer.parseInt(args[1]));
            case "seed" -> seed(args[1], Path.of(args[2]));
            case "lookup" -> lookup(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "expand" -> expand(args[1], Path.of(args[2]));
            case "gaps" -> gaps(args[1], Path.of(args[2]));
            case "fanout" -> fanout(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "escalate" -> escalate(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("keys | stub | seed | lookup | expand | escalate | fanout");
        }
    }

    // ---- keys and tokens -----------------------------------------------------------------------

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
        String claims = "{\"iss\":\"https://sharedict.local/gateway\",\"sub\":\"bench\",\"upn\":\"bench\",\"groups\":[\"admin\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 4 * 3600) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }

    static void resetDb(String jdbcBase, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcBase + "/?user=root"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
    }

    // ---- HTTP ----------------------------------------------------------------------------------

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

    static String partner(long n) {
        return String.format("BP%02d", n);
    }

    // ---- stub ----------------------------------------------------------------------------------

    /** A string field of a flat JSON object, as the services write it. */
    static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    static void stub(int port) throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        AtomicLong hooks = new AtomicLong();
        // skills-service keeps leave (rota-service writes through and reads it back): kept here as given.
        List<String> leave = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong leaveIds = new AtomicLong();
        server.createContext("/api/people/leave", ex -> {
            synchronized (leave) {
                reply(ex, 200, "[" + String.join(",", leave) + "]");
            }
        });
        server.createContext("/api/people/", ex -> {
            String[] parts = ex.getRequestURI().getPath().split("/");
            if (ex.getRequestMethod().equals("DELETE")) {
                ex.sendResponseHeaders(204, -1);
                ex.close();
                return;
            }
            if (ex.getRequestMethod().equals("POST") && parts[parts.length - 1].equals("leave")) {
                String in = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String view = "{\"id\":%d,\"personId\":%s,\"start\":\"%s\",\"end\":\"%s\",\"reason\":\"bench\",\"createdBy\":\"bench\",\"createdAt\":\"%s\"}"
                        .formatted(leaveIds.incrementAndGet(), parts[parts.length - 2], field(in, "start"), field(in, "end"), Instant.now());
                leave.add(view);
                reply(ex, 201, view);
                return;
            }
            long id = Long.parseLong(parts[parts.length - 1]);
            String body = "{\"id\":%d,\"partner\":\"%s\",\"name\":\"Bench Person %d\",\"email\":\"p%d@bench.example\",\"mobile\":\"07700 9%05d\",\"manager\":false}"
                    .formatted(id, partner(1 + id % PARTNERS), id, id, id);
            reply(ex, 200, body);
        });
        server.createContext("/api/partners/", ex -> {
            String[] parts = ex.getRequestURI().getPath().split("/");
            String code = parts[parts.length - 1];
            reply(ex, 200, "{\"code\":\"%s\",\"name\":\"Bench partner %s\"}".formatted(code, code));
        });
        server.createContext("/hook", ex -> {
            ex.getRequestBody().readAllBytes();
            hooks.incrementAndGet();
            reply(ex, 204, null);
        });
        server.createContext("/count", ex -> reply(ex, 200, Long.toString(hooks.get())));
        // GOV.UK Notify's SMS API, Teams and Slack webhooks: the last message to each address is kept for /last?key=.
        java.util.Map<String, String> last = new java.util.concurrent.ConcurrentHashMap<>();
        server.createContext("/v2/notifications/sms", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher phone = Pattern.compile("\"phone_number\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            last.put(phone.find() ? phone.group(1) : "?", body);
            reply(ex, 201, """
                    {"id":"%s","reference":"r","content":{"body":"b","from_number":"GOVUK"},"uri":"http://stub/n",
                     "template":{"id":"00000000-0000-0000-0000-000000000001","version":1,"uri":"http://stub/t"}}"""
                    .formatted(java.util.UUID.randomUUID()));
        });
        for (String kind : List.of("/teams/", "/slack/")) {
            server.createContext(kind, ex -> {
                last.put(ex.getRequestURI().getPath(), new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                reply(ex, 200, null);
            });
        }
        server.createContext("/last", ex -> {
            String key = java.net.URLDecoder.decode(ex.getRequestURI().getRawQuery().substring(4), StandardCharsets.UTF_8);
            String body = last.get(key);
            reply(ex, body == null ? 404 : 200, body == null ? null : "\"" + body.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("stub listening on " + port);
    }

    static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(bytes);
            }
        }
        ex.close();
    }

    // ---- seed ----------------------------------------------------------------------------------

    /** Rota 1: 50 primary and 10 secondary members over BP01..BP05, 200 overrides and 200 leave entries in 2027. Rotas 2..10: 5 members, 2 partners each. */
    static void seed(String url, Path keys) throws Exception {
        String t = token(keys);
        if (ok(send("GET", url + "/api/rotas?size=1", t, null)).contains("\"totalItems\":0") == false) {
            System.out.println("seed: rotas exist already");
            return;
        }
        Random rnd = new Random(2027);
        StringBuilder primary = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            primary.append(i > 1 ? "," : "").append(i);
        }
        String big = """
                {"name":"Bench pooled rota","partners":["BP01","BP02","BP03","BP04","BP05"],"coverage":"OUT_OF_HOURS",
                 "rotationLength":"P7D","handoffTime":"09:00","handoffDay":"MONDAY","startDate":"2026-01-05",
                 "layers":[{"layer":"PRIMARY","members":[%s]},{"layer":"SECONDARY","members":[51,52,53,54,55,56,57,58,59,60]}]}
                """.formatted(primary);
        long rota = id(ok(send("POST", url + "/api/rotas", t, big)));
        Instant year = LocalDate.of(2027, 1, 1).atStartOfDay(LONDON).toInstant();
        for (int i = 0; i < 200; i++) {
            Instant s = year.plus(Duration.ofHours(rnd.nextInt(365 * 24)));
            ok(send("POST", url + "/api/rotas/" + rota + "/overrides", t, "{\"personId\":%d,\"start\":\"%s\",\"end\":\"%s\",\"reason\":\"bench\"}"
                    .formatted(1 + rnd.nextInt(60), s, s.plus(Duration.ofHours(4 + rnd.nextInt(60))))));
            Instant l = year.plus(Duration.ofHours(rnd.nextInt(365 * 24)));
            ok(send("POST", url + "/api/rotas/leave", t, "{\"personId\":%d,\"start\":\"%s\",\"end\":\"%s\",\"reason\":\"leave\"}"
                    .formatted(1 + rnd.nextInt(50), l, l.plus(Duration.ofDays(1 + rnd.nextInt(14))))));
        }
        for (int r = 0; r < 9; r++) {
            long base = 100 + r * 5;
            ok(send("POST", url + "/api/rotas", t, """
                    {"name":"Bench rota %d","partners":["%s","%s"],"coverage":"%s","rotationLength":"P7D","handoffTime":"17:30",
                     "startDate":"2026-01-05","layers":[{"layer":"PRIMARY","members":[%d,%d,%d,%d,%d]}]}
                    """.formatted(r, partner(6 + 2 * r), partner(7 + 2 * r), r % 3 == 0 ? "ALWAYS" : "OUT_OF_HOURS",
                    base, base + 1, base + 2, base + 3, base + 4)));
        }
        System.out.println("seed: rota " + rota + " with 60 members, 200 overrides, 200 leave entries; 9 more rotas");
    }

    // ---- on-call lookup --------------------------------------------------------------------------

    static String lookupUrl(String url, Random rnd) {
        Instant at = LocalDate.of(2027, 1, 1).atStartOfDay(LONDON).toInstant().plus(Duration.ofMinutes(rnd.nextInt(365 * 24 * 60)));
        return url + "/api/oncall?partner=" + partner(1 + rnd.nextInt(PARTNERS - 1)) + "&at=" + at;
    }

    static void lookup(String url, Path keys, int clients, int seconds, int rate) throws Exception {
        String t = token(keys);
        // Warm the JIT and the connection pool first.
        System.out.printf("warm-up: %d requests%n", closedLoop(url, t, clients, 10).length);
        long[] closed = closedLoop(url, t, clients, seconds);
        report("closed loop, " + clients + " clients", closed, seconds);
        long[] open = openLoop(url, t, rate, seconds);
        report("open loop at " + rate + "/s (timed from when each was due)", open, seconds);
    }

    static long[] closedLoop(String url, String t, int clients, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int seed = c;
            pool.submit(() -> {
                Random rnd = new Random(seed);
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = send("GET", lookupUrl(url, rnd), t, null);
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.body());
                    }
                    times.add(System.nanoTime() - t0);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    static long[] openLoop(String url, String t, int rate, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        Random rnd = new Random(99);
        for (long i = 0; i < (long) rate * seconds; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String u = lookupUrl(url, rnd);
            pool.submit(() -> {
                HttpResponse<String> r = send("GET", u, t, null);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.body());
                }
                times.add(System.nanoTime() - due);
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(120, TimeUnit.SECONDS);
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    static void report(String what, long[] nanos, double seconds) {
        Arrays.sort(nanos);
        System.out.printf("%s: %d requests, %.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms%n", what, nanos.length,
                nanos.length / seconds, pct(nanos, 0.50) / 1e6, pct(nanos, 0.95) / 1e6, pct(nanos, 0.99) / 1e6, nanos[nanos.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double q) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    // ---- expansion -------------------------------------------------------------------------------

    static void expand(String url, Path keys) throws Exception {
        inProcess();
        String t = token(keys);
        String rotas = ok(send("GET", url + "/api/rotas?size=1&sort=name", t, null));
        long rota = id(rotas);
        String path = url + "/api/rotas/" + rota + "/shifts?from=2027-01-01T00:00:00Z&to=2028-01-01T00:00:00Z";
        long[] times = new long[20];
        int shifts = 0;
        for (int i = 0; i < 5 + times.length; i++) {
            long t0 = System.nanoTime();
            String body = ok(send("GET", path, t, null));
            long d = System.nanoTime() - t0;
            if (i >= 5) {
                times[i - 5] = d;
            }
            shifts = body.split("\"rotaId\"").length - 1;
        }
        Arrays.sort(times);
        System.out.printf("HTTP GET one year of shifts (both layers, %d shifts, 200 overrides, 200 leave): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                shifts, pct(times, 0.5) / 1e6, pct(times, 0.95) / 1e6, times[times.length - 1] / 1e6);
    }

    /** The pure rotation maths on an equivalent plan, without HTTP, JSON or the database. */
    static void inProcess() {
        try {
            Class.forName("org.sharedict.rota.schedule.Expander");
        } catch (ClassNotFoundException e) {
            System.out.println("in-process expansion skipped: put rota-service/target/classes on the class path");
            return;
        }
        InProcess.run();
    }

    static final class InProcess {
        static void run() {
            Random rnd = new Random(2027);
            Map<org.sharedict.rota.schedule.Layer, List<Long>> members = new EnumMap<>(org.sharedict.rota.schedule.Layer.class);
            List<Long> primary = new ArrayList<>();
            for (long i = 1; i <= 50; i++) {
                primary.add(i);
            }
            members.put(org.sharedict.rota.schedule.Layer.PRIMARY, primary);
            members.put(org.sharedict.rota.schedule.Layer.SECONDARY, List.of(51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L, 59L, 60L));
            Instant year = LocalDate.of(2027, 1, 1).atStartOfDay(LONDON).toInstant();
            List<org.sharedict.rota.schedule.RotaPlan.Override> overrides = new ArrayList<>();
            List<org.sharedict.rota.schedule.RotaPlan.Leave> leaves = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Instant s = year.plus(Duration.ofHours(rnd.nextInt(365 * 24)));
                overrides.add(new org.sharedict.rota.schedule.RotaPlan.Override(i, org.sharedict.rota.schedule.Layer.PRIMARY, 1 + rnd.nextInt(60),
                        new org.sharedict.rota.schedule.Interval(s, s.plus(Duration.ofHours(4 + rnd.nextInt(60)))), "bench"));
                Instant l = year.plus(Duration.ofHours(rnd.nextInt(365 * 24)));
                leaves.add(new org.sharedict.rota.schedule.RotaPlan.Leave(i, 1 + rnd.nextInt(50),
                        new org.sharedict.rota.schedule.Interval(l, l.plus(Duration.ofDays(1 + rnd.nextInt(14)))), "leave"));
            }
            org.sharedict.rota.schedule.RotaPlan plan = new org.sharedict.rota.schedule.RotaPlan(1, "bench",
                    org.sharedict.rota.schedule.Coverage.OUT_OF_HOURS, LocalDateTime.of(2026, 1, 5, 9, 0), 7, members, overrides, leaves, List.of());
            java.util.Set<LocalDate> holidays = java.util.Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29),
                    LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 8, 30), LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28));
            org.sharedict.rota.schedule.OutOfHoursCalendar cal = org.sharedict.rota.schedule.OutOfHoursCalendar.london(holidays);
            Instant end = LocalDate.of(2028, 1, 1).atStartOfDay(LONDON).toInstant();
            long[] times = new long[50];
            int n = 0;
            for (int i = 0; i < 20 + times.length; i++) {
                long t0 = System.nanoTime();
                n = org.sharedict.rota.schedule.Expander.shifts(plan, cal, year, end).size();
                long d = System.nanoTime() - t0;
                if (i >= 20) {
                    times[i - 20] = d;
                }
            }
            Arrays.sort(times);
            System.out.printf("in-process expansion of one year (both layers, %d shifts): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", n,
                    pct(times, 0.5) / 1e6, pct(times, 0.95) / 1e6, times[times.length - 1] / 1e6);
        }
    }

    // ---- cover gaps ------------------------------------------------------------------------------

    /**
     * Cover gaps over 28 days of 50 rotas covering one partner (every rota the gap finder expands, both
     * layers, with leave that empties layers now and then): the pure finder in-process, then
     * GET /api/oncall/gaps, which also reads the plans from the database.
     */
    static void gaps(String url, Path keys) throws Exception {
        gapsInProcess();
        String t = token(keys);
        Random rnd = new Random(2028);
        Instant from = LocalDate.of(2027, 3, 15).atStartOfDay(LONDON).toInstant();
        if (ok(send("GET", url + "/api/rotas?partner=BG01&size=1", t, null)).contains("\"totalItems\":0")) {
            for (int r = 0; r < 50; r++) {
                long base = 1000 + r * 8L;
                long rota = id(ok(send("POST", url + "/api/rotas", t, """
                        {"name":"Gap bench rota %d","partners":["BG01","%s"],"coverage":"%s","rotationLength":"P%dD","handoffTime":"%02d:00",
                         "startDate":"2027-01-04","layers":[{"layer":"PRIMARY","members":[%d,%d,%d,%d,%d]},{"layer":"SECONDARY","members":[%d,%d]}]}
                        """.formatted(r, String.format("BG%02d", 2 + r), r % 4 == 0 ? "ALWAYS" : "OUT_OF_HOURS", r % 2 == 0 ? 7 : 1, 8 + r % 10,
                        base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6))));
                for (int i = 0; i < 10; i++) {
                    Instant l = from.plus(Duration.ofHours(rnd.nextInt(28 * 24)));
                    ok(send("POST", url + "/api/rotas/leave", t, "{\"personId\":%d,\"start\":\"%s\",\"end\":\"%s\",\"reason\":\"leave\"}"
                            .formatted(base + rnd.nextInt(7), l, l.plus(Duration.ofHours(12 + rnd.nextInt(96))))));
                }
                ok(send("POST", url + "/api/rotas/" + rota + "/overrides", t, "{\"personId\":%d,\"start\":\"%s\",\"end\":\"%s\",\"reason\":\"bench\"}"
                        .formatted(base + 2, from.plus(Duration.ofDays(3)), from.plus(Duration.ofDays(4)))));
            }
        }
        String path = url + "/api/oncall/gaps?partner=BG01&from=" + from + "&to=" + from.plus(Duration.ofDays(28));
        long[] times = new long[20];
        int gaps = 0;
        for (int i = 0; i < 5 + times.length; i++) {
            long t0 = System.nanoTime();
            String body = ok(send("GET", path, t, null));
            long d = System.nanoTime() - t0;
            if (i >= 5) {
                times[i - 5] = d;
            }
            gaps = body.split("\"reason\"").length - 1;
        }
        Arrays.sort(times);
        System.out.printf("HTTP GET /api/oncall/gaps, 50 rotas x 28 days (%d gaps): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                gaps, pct(times, 0.5) / 1e6, pct(times, 0.95) / 1e6, times[times.length - 1] / 1e6);
    }

    static void gapsInProcess() {
        try {
            Class.forName("org.sharedict.rota.schedule.CoverGaps");
        } catch (ClassNotFoundException e) {
            System.out.println("in-process gap finding skipped: put rota-service/target/classes on the class path");
            return;
        }
        GapsInProcess.run();
    }

    static final class GapsInProcess {
        static void run() {
            Random rnd = new Random(2028);
            Instant from = LocalDate.of(2027, 3, 15).atStartOfDay(LONDON).toInstant();
            Instant to = from.plus(Duration.ofDays(28));
            List<org.sharedict.rota.schedule.RotaPlan> plans = new ArrayList<>();
            for (int r = 0; r < 50; r++) {
                long base = 1000 + r * 8L;
                Map<org.sharedict.rota.schedule.Layer, List<Long>> members = new EnumMap<>(org.sharedict.rota.schedule.Layer.class);
                members.put(org.sharedict.rota.schedule.Layer.PRIMARY, List.of(base, base + 1, base + 2, base + 3, base + 4));
                members.put(org.sharedict.rota.schedule.Layer.SECONDARY, List.of(base + 5, base + 6));
                List<org.sharedict.rota.schedule.RotaPlan.Leave> leaves = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    Instant l = from.plus(Duration.ofHours(rnd.nextInt(28 * 24)));
                    leaves.add(new org.sharedict.rota.schedule.RotaPlan.Leave(i, base + rnd.nextInt(7),
                            new org.sharedict.rota.schedule.Interval(l, l.plus(Duration.ofHours(12 + rnd.nextInt(96)))), "leave"));
                }
                List<org.sharedict.rota.schedule.RotaPlan.Override> overrides = List.of(new org.sharedict.rota.schedule.RotaPlan.Override(1,
                        org.sharedict.rota.schedule.Layer.PRIMARY, base + 2,
                        new org.sharedict.rota.schedule.Interval(from.plus(Duration.ofDays(3)), from.plus(Duration.ofDays(4))), "bench"));
                plans.add(new org.sharedict.rota.schedule.RotaPlan(r + 1, "gap bench " + r,
                        r % 4 == 0 ? org.sharedict.rota.schedule.Coverage.ALWAYS : org.sharedict.rota.schedule.Coverage.OUT_OF_HOURS,
                        LocalDateTime.of(2027, 1, 4, 8 + r % 10, 0), r % 2 == 0 ? 7 : 1, members, overrides, leaves, List.of()));
            }
            org.sharedict.rota.schedule.OutOfHoursCalendar cal = org.sharedict.rota.schedule.OutOfHoursCalendar.london(
                    java.util.Set.of(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29)));
            long[] times = new long[50];
            int n = 0;
            for (int i = 0; i < 20 + times.length; i++) {
                long t0 = System.nanoTime();
                n = org.sharedict.rota.schedule.CoverGaps.find(plans, cal, from, to).size();
                long d = System.nanoTime() - t0;
                if (i >= 20) {
                    times[i - 20] = d;
                }
            }
            Arrays.sort(times);
            System.out.printf("in-process cover gaps, 50 rotas x 28 days over the spring clock change (%d gaps): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                    n, pct(times, 0.5) / 1e6, pct(times, 0.95) / 1e6, times[times.length - 1] / 1e6);
        }
    }

    // ---- escalation lateness ---------------------------------------------------------------------

    static void escalate(String url, Path keys, String jdbc, int n, int rate, int delay) throws Exception {
        String t = token(keys);
        String stubUrl = System.getenv().getOrDefault("BENCH_STUB_URL", "http://127.0.0.1:18093");
        long policy = id(ok(send("POST", url + "/api/escalation-policies", t, """
                {"name":"Bench escalation %d","partner":"BP01","steps":[
                  {"delay":"PT%dS","targets":[{"kind":"WEBHOOK","url":"%s/hook"}]},
                  {"delay":"PT1H","targets":[{"kind":"WEBHOOK","url":"%s/hook"}]}]}
                """.formatted(System.currentTimeMillis(), delay, stubUrl, stubUrl))));
        ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int k = i;
            pool.submit(() -> {
                String body = "{\"partner\":\"BP01\",\"summary\":\"bench incident %d\",\"severity\":\"HIGH\",\"policyId\":%d}".formatted(k, policy);
                ids.add(id(ok(send("POST", url + "/api/incidents", t, body))));
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(600, TimeUnit.SECONDS);
        double raisedIn = (System.nanoTime() - start) / 1e9;
        System.out.printf("raised %d incidents in %.0f s (%.0f/s); step 2 of each is due %d s after it was raised%n", ids.size(), raisedIn,
                ids.size() / raisedIn, delay);
        long min = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            long peak = 0;
            Instant until = Instant.now().plusSeconds(delay + 600L);
            while (Instant.now().isBefore(until)) {
                long pending = count(s, "SELECT COUNT(*) FROM incident WHERE id BETWEEN %d AND %d AND next_step_at IS NOT NULL AND step = 0".formatted(min, max));
                peak = Math.max(peak, pending);
                long fired = count(s, "SELECT COUNT(*) FROM incident_event WHERE kind = 'STEP_NOTIFIED' AND step = 2 AND incident_id BETWEEN %d AND %d"
                        .formatted(min, max));
                if (fired >= n) {
                    break;
                }
                TimeUnit.SECONDS.sleep(2);
            }
            System.out.println("most incidents pending escalation at one time (seen at 2 s polls): " + peak);
            List<Long> late = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT TIMESTAMPDIFF(MICROSECOND, due_at, at) FROM incident_event WHERE kind = 'STEP_NOTIFIED' "
                    + "AND step = 2 AND incident_id BETWEEN %d AND %d".formatted(min, max))) {
                while (r.next()) {
                    late.add(r.getLong(1));
                }
            }
            long twice = count(s, ("SELECT COUNT(*) FROM (SELECT incident_id FROM incident_event WHERE kind = 'STEP_NOTIFIED' AND step = 2 "
                    + "AND incident_id BETWEEN %d AND %d GROUP BY incident_id HAVING COUNT(*) > 1) x").formatted(min, max));
            long[] us = late.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("step 2 fired for %d of %d incidents (%d more than once); lateness (fired minus due): p50 %.0f ms, p95 %.0f ms, "
                    + "p99 %.0f ms, max %.0f ms%n", us.length, n, twice, pct(us, 0.5) / 1e3, pct(us, 0.95) / 1e3, pct(us, 0.99) / 1e3,
                    us[us.length - 1] / 1e3);
        }
    }

    static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    // ---- page fan-out ------------------------------------------------------------------------------

    static void fanout(String url, Path keys, String jdbc, int n, int rate) throws Exception {
        String t = token(keys);
        String stubUrl = System.getenv().getOrDefault("BENCH_STUB_URL", "http://127.0.0.1:18093");
        long person = 900 + (System.currentTimeMillis() / 1000) % 90;
        long rota = id(ok(send("POST", url + "/api/rotas", t, """
                {"name":"Bench paging %d","partners":["BP02"],"coverage":"ALWAYS","rotationLength":"P7D","handoffTime":"09:00",
                 "startDate":"%s","layers":[{"layer":"PRIMARY","members":[%d]}]}
                """.formatted(person, LocalDate.now(LONDON).minusDays(1), person))));
        String phone = "+447700900%03d".formatted(person % 1000);
        verified(url, t, stubUrl, person, "SMS", phone, phone);
        verified(url, t, stubUrl, person, "TEAMS", stubUrl + "/teams/" + person, "/teams/" + person);
        verified(url, t, stubUrl, person, "SLACK", stubUrl + "/slack/" + person, "/slack/" + person);
        long policy = id(ok(send("POST", url + "/api/escalation-policies", t, """
                {"name":"Bench paging policy %d","partner":"BP02","steps":[
                  {"delay":"PT1H","targets":[{"kind":"ROTA_LAYER","rotaId":%d,"layer":"PRIMARY"}]}]}
                """.formatted(person, rota))));
        ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < n; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int k = i;
            pool.submit(() -> {
                String body = "{\"partner\":\"BP02\",\"summary\":\"bench page %d\",\"severity\":\"HIGH\",\"policyId\":%d}".formatted(k, policy);
                ids.add(id(ok(send("POST", url + "/api/incidents", t, body))));
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(600, TimeUnit.SECONDS);
        double raisedIn = (System.nanoTime() - start) / 1e9;
        System.out.printf("raised %d HIGH incidents in %.0f s (%.0f/s), each paging one person by SMS, Teams and Slack at once%n",
                ids.size(), raisedIn, ids.size() / raisedIn);
        long min = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        String mine = "purpose = 'PAGE' AND incident_id BETWEEN %d AND %d".formatted(min, max);
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            Instant until = Instant.now().plusSeconds(600);
            long sent = 0;
            while (Instant.now().isBefore(until)) {
                sent = count(s, "SELECT COUNT(*) FROM notification WHERE status = 'SENT' AND " + mine);
                if (sent >= 3L * n) {
                    break;
                }
                TimeUnit.SECONDS.sleep(2);
            }
            long open = count(s, "SELECT COUNT(*) FROM incident WHERE status = 'TRIGGERED' AND id BETWEEN %d AND %d".formatted(min, max));
            long queued = count(s, "SELECT COUNT(*) FROM notification WHERE " + mine);
            long retried = count(s, "SELECT COUNT(*) FROM notification WHERE attempts > 1 AND " + mine);
            System.out.printf("%d incidents open; %d pages queued, %d sent, %d needed a retry%n", open, queued, sent, retried);
            for (String channel : List.of("SMS", "TEAMS", "SLACK", "%")) {
                List<Long> late = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT TIMESTAMPDIFF(MICROSECOND, due_at, sent_at) FROM notification WHERE status = 'SENT' AND "
                        + mine + " AND channel LIKE '" + channel + "'")) {
                    while (r.next()) {
                        late.add(r.getLong(1));
                    }
                }
                long[] us = late.stream().mapToLong(Long::longValue).sorted().toArray();
                if (us.length > 0) {
                    System.out.printf("%-5s %5d pages, lateness (provider answered minus due): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                            channel.equals("%") ? "all" : channel, us.length, pct(us, 0.5) / 1e3, pct(us, 0.95) / 1e3, pct(us, 0.99) / 1e3,
                            us[us.length - 1] / 1e3);
                }
            }
        }
    }

    /** Adds a contact method and verifies it with the code the stub received for {@code key}. */
    static void verified(String url, String t, String stubUrl, long person, String kind, String address, String key) throws Exception {
        long method = id(ok(send("POST", url + "/api/contacts/" + person + "/methods", t,
                "{\"kind\":\"%s\",\"address\":\"%s\"}".formatted(kind, address))));
        ok(send("POST", url + "/api/contacts/" + person + "/methods/" + method + "/code", t, null));
        Pattern six = Pattern.compile("code is (\\d{6})");
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> r = send("GET", stubUrl + "/last?key=" + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8), t, null);
            Matcher m = six.matcher(r.body());
            if (r.statusCode() == 200 && r.body().contains("verification code") && m.find()) {
                ok(send("POST", url + "/api/contacts/" + person + "/methods/" + method + "/verify", t, "{\"code\":\"" + m.group(1) + "\"}"));
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("no verification code reached the stub for " + key);
    }
}
