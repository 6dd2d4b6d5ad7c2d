package org.sharedict.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

/**
 * A fingerprint of every row the services store (row count and a sum of row checksums per table,
 * over all four databases in one query), to tell whether a request wrote anything. Left out, because
 * requests touch them legitimately whatever the answer: audit logs (a refused request may be
 * audited), the Quartz scheduler's tables and Flyway's history, the gateway's sessions (reusing a
 * refresh token ends its session, on purpose), the gateway's sign-in throttle (a refused sign-in
 * is counted there, on purpose, and old counts are pruned), rota-service's snapshot of people and its copy
 * of skills-service's leave ({@code person_leave}: caches of skills-service, refreshed by reads, so a refused
 * read may bring them up to date), the lifecycle-webhook outbox (its retries run as background
 * jobs, whatever request is in flight), incidents' timelines (a page's delivery, failure or retry is
 * recorded there by rota-service's senders when it happens, whatever request is in flight), the
 * delivery state of rota-service's and dr-planner's outbox messages ({@link #IGNORED_TABLE_COLUMNS}) and the columns that count sign-in attempts, wrong
 * verification codes (counted on purpose) and last use.
 * Tables that change with no request at all are found at start and left out too ({@link #volatileTables}).
 */
final class DatabaseWatch implements AutoCloseable {

    static final Set<String> IGNORED_TABLES = Set.of(
            "audit_log",
            "flyway_schema_history",
            "user_session",
            "sign_in_throttle",
            "person_snapshot",
            "person_leave",
            "webhook_delivery",
            "incident_event");
    /**
     * Columns of one table that background work changes: rota-service's and dr-planner's outbox
     * senders mark a message claimed, sent, failed or due again whatever request is in flight. A
     * message a refused request added would still change the table's rows and the other columns.
     */
    static final Set<String> IGNORED_TABLE_COLUMNS = Set.of(
            "notification.status",
            "notification.attempts",
            "notification.last_error",
            "notification.sent_at",
            "notification.next_attempt_at",
            "notification.claimed_until",
            "notification.provider_ref",
            "notification.receipt",
            "dr_mail_outbox.attempts",
            "dr_mail_outbox.last_error",
            "dr_mail_outbox.claimed_until",
            "dr_mail_outbox.sent_at");

    static final Set<String> IGNORED_COLUMNS = Set.of(
            "failed_attempts", "locked_until", "last_sign_in_at", "last_used_at", "refreshed_at", "code_attempts");

    private final Connection connection;
    private final Set<String> volatileTables = new TreeSet<>();
    private String query;

    /** @param databases the services' database names, on the server {@code connection} reaches */
    DatabaseWatch(Connection connection, List<String> databases) throws SQLException {
        this.connection = connection;
        this.query = build(databases, Set.of());
    }

    /** Watches for a while with no requests; whatever changes anyway is left out from then on. */
    void learnVolatileTables(List<String> databases, Duration watch) throws SQLException {
        Map<String, String> first = fingerprint();
        // Polls for the whole period (the condition always holds): every table that moves meanwhile is noted.
        Awaitility.await("tables that change by themselves")
                .during(watch)
                .atMost(watch.plusSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> volatileTables.addAll(changed(first, fingerprint())) || true);
        query = build(databases, volatileTables);
    }

    Set<String> volatileTables() {
        return volatileTables;
    }

    /** Table name to "rows:checksum". */
    Map<String, String> fingerprint() throws SQLException {
        Map<String, String> f = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                f.put(r.getString(1), r.getLong(2) + ":" + r.getString(3));
            }
        }
        return f;
    }

    /** The tables whose fingerprint differs, with their row counts before and after. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> tables = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                tables.add(e.getKey());
            }
        }
        return tables;
    }

    static String describe(List<String> tables, Map<String, String> before, Map<String, String> after) {
        return tables.stream()
                .map(t -> t + " (rows " + rows(before.get(t)) + " → " + rows(after.get(t)) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String rows(String fingerprint) {
        return fingerprint == null ? "?" : fingerprint.substring(0, fingerprint.indexOf(':'));
    }

    private String build(List<String> databases, Set<String> leaveOut) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        String in =
                databases.stream().map(d -> "'" + d.replace("'", "''") + "'").collect(Collectors.joining(","));
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c "
                                + "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                                + "WHERE t.table_type = 'BASE TABLE' AND c.table_schema IN (" + in + ") "
                                + "ORDER BY c.table_schema, c.table_name, c.ordinal_position")) {
            while (r.next()) {
                String table = r.getString(2);
                String qualified = r.getString(1) + "." + table;
                String column = r.getString(3);
                if (IGNORED_TABLES.contains(table.toLowerCase(Locale.ROOT))
                        || table.toUpperCase(Locale.ROOT).startsWith("QRTZ_")
                        || leaveOut.contains(qualified)
                        || IGNORED_COLUMNS.contains(column.toLowerCase(Locale.ROOT))
                        || IGNORED_TABLE_COLUMNS.contains((table + "." + column).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                columns.computeIfAbsent(qualified, k -> new ArrayList<>()).add(column);
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no tables to watch in " + databases);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> t : columns.entrySet()) {
            String[] name = t.getKey().split("\\.", 2);
            String row = t.getValue().stream()
                    .map(c -> "COALESCE(HEX(`" + c + "`), '~')")
                    .collect(Collectors.joining(", "));
            parts.add("SELECT '" + t.getKey() + "', COUNT(*), CAST(COALESCE(SUM(CRC32(CONCAT_WS('|', " + row
                    + "))), 0) AS CHAR) FROM `" + name[0] + "`.`" + name[1] + "`");
        }
        return String.join(" UNION ALL ", parts);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
