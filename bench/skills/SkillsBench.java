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
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Expert-search benchmark for skills-service (docs/PERFORMANCE.md). Run through bench/skills/run.sh:
 *
 *   java -cp mariadb-java-client.jar SkillsBench.java keys  DIR
 *   java -cp mariadb-java-client.jar SkillsBench.java seed  JDBC_URL
 *   java -cp mariadb-java-client.jar SkillsBench.java token KEY_DIR   (a manager's token, to try queries by hand)
 *   java -cp mariadb-java-client.jar SkillsBench.java warm  BASE_URL KEY_DIR match seconds   (JIT warm-up, not measured)
 *   java -cp mariadb-java-client.jar SkillsBench.java load  BASE_URL KEY_DIR [match] [concurrency] [seconds] [rate]
 *
 * seed fills an empty, migrated database with 20 partners, 300 skills (with aliases), 20,000
 * people, 200,000 person-skill rows and 20,000 certifications, in multi-row INSERT batches.
 * load first runs a closed loop (N threads as fast as answers come) to find the throughput,
 * then an open loop at a fixed rate, timing each request from when it was due (so a stall is
 * not hidden by the generator waiting), and prints percentiles.
 */
public class SkillsBench {

    static final int PARTNERS = 20;
    static final int CATEGORIES = 10;
    static final int SKILLS = 300;
    static final int PEOPLE = 20_000;
    static final int SKILLS_PER_PERSON = 10;
    static final AtomicLong WARMUP_REQUESTS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "keys" -> keys(Path.of(args[1]));
            case "seed" -> seed(args[1]);
            case "token" -> System.out.println(token(Path.of(args[1])));
            case "warm" -> closedLoop(HttpClient.newHttpClient(), args[1], token(Path.of(args[2])), args[3], 8,
                    Integer.parseInt(args[4]), true);
            case "load" -> load(args[1], Path.of(args[2]), args.length > 3 ? args[3] : "all",
                    args.length > 4 ? Integer.parseInt(args[4]) : 8, args.length > 5 ? Integer.parseInt(args[5]) : 30,
                    args.length > 6 ? Integer.parseInt(args[6]) : 300);
            default -> throw new IllegalArgumentException("keys | seed | load");
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
        String claims = "{\"iss\":\"https://sharedict.local/gateway\",\"sub\":\"bench\",\"upn\":\"bench\",\"groups\":[\"manager\"],"
                + "\"partner\":\"BP01\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }

    // ---- seeding -------------------------------------------------------------------------------

    static void seed(String url) throws Exception {
        try (Connection con = DriverManager.getConnection(url, "root", "")) {
            try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM person_skill")) {
                rs.next();
                if (rs.getLong(1) == (long) PEOPLE * SKILLS_PER_PERSON) {
                    System.out.println("bench database already seeded");
                    return;
                }
            }
            long t0 = System.nanoTime();
            try (Statement st = con.createStatement()) {
                st.execute("SET FOREIGN_KEY_CHECKS = 0");
                for (String t : List.of("certification", "person_skill", "person", "skill_alias", "skill", "skill_category", "partner")) {
                    st.execute("TRUNCATE TABLE " + t);
                }
                st.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
            con.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            LocalDate today = LocalDate.now();
            Random rnd = new Random(300);
            Batch partners = new Batch(con, "partner (id, code, name, type, version, created_at, updated_at)", 7);
            for (int i = 1; i <= PARTNERS; i++) {
                partners.add(i, String.format("BP%02d", i), "Bench Partner " + i, "DISTRICT_COUNCIL", 0, now, now);
            }
            partners.flush();
            Batch cats = new Batch(con, "skill_category (id, code, name, version, created_at, updated_at)", 6);
            for (int i = 1; i <= CATEGORIES; i++) {
                cats.add(i, "BCAT" + i, "Bench category " + i, 0, now, now);
            }
            cats.flush();
            Batch skills = new Batch(con, "skill (id, code, name, category_id, version, created_at, updated_at)", 7);
            Batch aliases = new Batch(con, "skill_alias (skill_id, alias, alias_key, position)", 4);
            for (int i = 1; i <= SKILLS; i++) {
                skills.add(i, "BSKILL" + i, "Bench skill number " + i, 1 + (i % CATEGORIES), 0, now, now);
                aliases.add(i, "Alias one " + i, "aliasone" + i, 0);
                aliases.add(i, "Alias two " + i, "aliastwo" + i, 1);
            }
            skills.flush();
            aliases.flush();
            Batch people = new Batch(con, "person (id, partner_id, name, job_title, team, email, work_phone, mobile, site, manager, "
                    + "help_other_partners, help_hours_per_month, unavailable_until, out_of_hours, last_confirmed, version, created_at, updated_at)", 18);
            for (int i = 1; i <= PEOPLE; i++) {
                LocalDate away = rnd.nextInt(20) == 0 ? today.plusDays(rnd.nextInt(30)) : null;
                people.add(i, 1 + rnd.nextInt(PARTNERS), "Bench Person " + i, "Engineer", "Infrastructure", "p" + i + "@bench.example.gov.uk",
                        "01632 960" + String.format("%03d", i % 1000), "07700 900" + String.format("%03d", i % 1000), "HQ",
                        i % 1000 == 0, rnd.nextInt(10) < 7, rnd.nextInt(17), away == null ? null : Date.valueOf(away), rnd.nextBoolean(),
                        Date.valueOf(today.minusDays(rnd.nextInt(730))), 0, now, now);
            }
            people.flush();
            Batch held = new Batch(con, "person_skill (person_id, skill_id, level, verified_by, verified_at, last_used, last_confirmed, "
                    + "version, created_at, updated_at)", 10);
            Batch certs = new Batch(con, "certification (person_id, skill_id, name, issuer, expires, version, created_at, updated_at)", 8);
            for (int p = 1; p <= PEOPLE; p++) {
                int[] chosen = new int[SKILLS_PER_PERSON];
                int n = 0;
                while (n < SKILLS_PER_PERSON) {
                    // Some skills are far commoner than others (Windows vs. IBM i): a power-law pick.
                    int s = 1 + (int) (SKILLS * Math.pow(rnd.nextDouble(), 1.5));
                    if (s > SKILLS || contains(chosen, n, s)) {
                        continue;
                    }
                    chosen[n++] = s;
                    int level = 1 + Math.min(4, (int) Math.abs(rnd.nextGaussian() * 1.3 + 1.5));
                    boolean verified = rnd.nextInt(10) < 4;
                    held.add(p, s, level, verified ? "bench" : null, verified ? now : null, null,
                            Date.valueOf(today.minusDays(rnd.nextInt(540))), 0, now, now);
                    if (rnd.nextInt(SKILLS_PER_PERSON) == 0) {
                        certs.add(p, s, "Bench cert " + s, "Bench", Date.valueOf(today.plusDays(rnd.nextInt(900) - 300)), 0, now, now);
                    }
                }
            }
            held.flush();
            certs.flush();
            con.commit();
            try (Statement st = con.createStatement()) {
                st.execute("ANALYZE TABLE person, person_skill, certification");
            }
            System.out.printf("seeded %d people, %d person skills, %d certifications in %.1f s%n", PEOPLE, held.rows, certs.rows,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    /** Multi-row INSERTs of 1,000 rows: far fewer round trips than one statement per row. */
    static final class Batch {
        final Connection con;
        final String into;
        final int columns;
        final List<Object[]> pending = new ArrayList<>();
        long rows;

        Batch(Connection con, String into, int columns) {
            this.con = con;
            this.into = into;
            this.columns = columns;
        }

        void add(Object... values) throws Exception {
            pending.add(values);
            if (pending.size() == 1000) {
                flush();
            }
        }

        void flush() throws Exception {
            if (pending.isEmpty()) {
                return;
            }
            String row = "(" + String.join(",", java.util.Collections.nCopies(columns, "?")) + ")";
            String sql = "INSERT INTO " + into + " VALUES " + String.join(",", java.util.Collections.nCopies(pending.size(), row));
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                int i = 1;
                for (Object[] r : pending) {
                    for (Object v : r) {
                        ps.setObject(i++, v);
                    }
                }
                ps.executeUpdate();
            }
            rows += pending.size();
            pending.clear();
        }
    }

    // ---- load ----------------------------------------------------------------------------------

    /** A two-skill query: codes and aliases mixed, skills drawn like the data (common ones more often). */
    static String query(Random rnd, String match) {
        String fixed = System.getenv("BENCH_FIXED_PATH");
        if (fixed != null && !fixed.isBlank()) {
            // For comparison: the cost of a trivial authenticated read, e.g. /api/partners/BP01.
            return fixed;
        }
        int a = 1 + (int) (SKILLS * Math.pow(rnd.nextDouble(), 1.5));
        int b;
        do {
            b = 1 + (int) (SKILLS * Math.pow(rnd.nextDouble(), 1.5));
        } while (b == a || b > SKILLS || a > SKILLS);
        String first = rnd.nextBoolean() ? "BSKILL" + Math.min(a, SKILLS) : "alias%20one%20" + Math.min(a, SKILLS);
        return "/api/experts?skill=" + first + "&skill=BSKILL" + b + "&minLevel=2&match=" + match
                + "&excludePartner=BP" + String.format("%02d", 1 + rnd.nextInt(PARTNERS)) + "&size=20";
    }

    static void load(String base, Path keyDir, String match, int concurrency, int seconds, int rate) throws Exception {
        String token = token(keyDir);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("expert search, two skills, match=%s, %s%n", match, base);
        closedLoop(http, base, token, match, concurrency, 10, true);
        Result closed = closedLoop(http, base, token, match, concurrency, seconds, false);
        System.out.printf("closed loop, %d clients, %d s: %.0f searches/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %d, avg results %.0f%n",
                concurrency, seconds, closed.throughput, closed.p(50), closed.p(95), closed.p(99), closed.errors, closed.avgTotal);
        Result open = openLoop(http, base, token, match, rate, seconds);
        System.out.printf("open loop at %d/s, %d s: achieved %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n",
                rate, seconds, open.throughput, open.p(50), open.p(95), open.p(99), open.p(100), open.errors);
        System.out.println("requests " + (WARMUP_REQUESTS.get() + closed.nanos.length + open.nanos.length));
    }

    record Result(long[] nanos, double throughput, long errors, double avgTotal) {
        double p(double pct) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(nanos.length - 1, Math.ceil(pct / 100.0 * nanos.length) - 1);
            return nanos[Math.max(0, i)] / 1e6;
        }
    }

    static Result closedLoop(HttpClient http, String base, String token, String match, int threads, int seconds, boolean warmup)
            throws Exception {
        ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong totals = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int seed = t;
            pool.submit(() -> {
                Random rnd = new Random(seed * 7919L + (warmup ? 1 : 2));
                try {
                    while (System.nanoTime() < end) {
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + query(rnd, match)))
                                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                            samples.add(System.nanoTime() - t0);
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                                if (errors.get() < 3) {
                                    System.err.println(r.statusCode() + " " + r.body());
                                }
                            } else {
                                totals.addAndGet(total(r.body()));
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        if (warmup) {
            WARMUP_REQUESTS.addAndGet(samples.size());
        }
        long[] nanos = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(nanos, nanos.length / (double) seconds, errors.get(), nanos.length == 0 ? 0 : totals.get() / (double) nanos.length);
    }

    static Result openLoop(HttpClient http, String base, String token, String match, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long[] nanos = new long[total];
        AtomicInteger finished = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        Random rnd = new Random(99);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            int index = i;
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + query(rnd, match)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
            http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                // Timed from when the request was due, not when it was sent (no coordinated omission).
                nanos[index] = System.nanoTime() - due;
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                finished.incrementAndGet();
                done.countDown();
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Result(sorted, finished.get() / elapsed, errors.get(), 0);
    }

    static long total(String body) {
        int i = body.lastIndexOf("\"totalItems\":");
        if (i < 0) {
            return 0;
        }
        int j = i + 13;
        int k = j;
        while (k < body.length() && Character.isDigit(body.charAt(k))) {
            k++;
        }
        return k > j ? Long.parseLong(body.substring(j, k)) : 0;
    }
}
