package org.sharedict.skills.taxonomy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.logging.Log;

import org.sharedict.skills.platform.SkillsConfig;

/**
 * Keeps the taxonomy in memory. A change on this instance drops the snapshot once its
 * transaction commits; a change made by another instance shows here within
 * {@code skills.taxonomy.refresh}.
 */
@ApplicationScoped
public class TaxonomyCache {

    /** Fired by {@link TaxonomyService} on every taxonomy write. */
    public record Changed() {}

    private record Loaded(Taxonomy taxonomy, long at) {}

    private final DataSource dataSource;
    private final SkillsConfig config;

    private volatile Loaded loaded;

    TaxonomyCache(DataSource dataSource, SkillsConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    public Taxonomy current() {
        Loaded l = loaded;
        if (l == null
                || System.nanoTime() - l.at() > config.taxonomy().refresh().toNanos()) {
            synchronized (this) {
                l = loaded;
                if (l == null
                        || System.nanoTime() - l.at()
                                > config.taxonomy().refresh().toNanos()) {
                    l = new Loaded(load(), System.nanoTime());
                    loaded = l;
                }
            }
        }
        return l.taxonomy();
    }

    /** Reads the taxonomy straight from the database, bypassing the snapshot (for checks made while editing). */
    public Taxonomy fresh() {
        return load();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        loaded = null;
    }

    public void invalidate() {
        loaded = null;
    }

    private Taxonomy load() {
        String sql = "SELECT s.id, s.code, s.name, s.description, c.code, c.name, s.sfia_code "
                + "FROM skill s JOIN skill_category c ON c.id = s.category_id";
        try (Connection con = dataSource.getConnection()) {
            Map<Long, List<String>> aliases = new HashMap<>();
            try (PreparedStatement ps = con.prepareStatement(
                            "SELECT skill_id, alias FROM skill_alias ORDER BY skill_id, position, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
            Map<Long, Taxonomy.Entry> entries = new LinkedHashMap<>();
            try (PreparedStatement ps = con.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    entries.put(
                            id,
                            new Taxonomy.Entry(
                                    id,
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    List.copyOf(aliases.getOrDefault(id, List.of())),
                                    rs.getString(7)));
                }
            }
            Log.debugf("Taxonomy loaded: %d skills", entries.size());
            return new Taxonomy(entries.values());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the skill taxonomy", e);
        }
    }
}
