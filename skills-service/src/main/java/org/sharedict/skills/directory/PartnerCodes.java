package org.sharedict.skills.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Partner codes to IDs, in memory, for the search's partner filters (a handful of partners,
 * codes that never change). A code not known here is looked up again before being called
 * unknown, so a partner added on another instance is found; a removal on this instance drops
 * the map once it commits.
 */
@ApplicationScoped
public class PartnerCodes {

    /** Fired by {@link PartnerService} when a partner is removed. */
    public record Changed() {}

    private final DataSource dataSource;

    private volatile Map<String, Long> ids;

    PartnerCodes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Long> id(String code) {
        String key = code.trim().toUpperCase(Locale.ROOT);
        Map<String, Long> known = ids;
        if (known == null || !known.containsKey(key)) {
            known = load();
            ids = known;
        }
        return Optional.ofNullable(known.get(key));
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        ids = null;
    }

    private Map<String, Long> load() {
        Map<String, Long> out = new HashMap<>();
        try (Connection con = dataSource.getConnection();
                PreparedStatement ps = con.prepareStatement("SELECT code, id FROM partner");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read partners", e);
        }
        return Map.copyOf(out);
    }
}
