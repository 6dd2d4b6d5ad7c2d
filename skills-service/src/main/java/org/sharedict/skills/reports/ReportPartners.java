package org.sharedict.skills.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sharedict.platform.problem.ProblemException;

/** The partners as the reports read them: every one at once, by ID, and the one a filter names. */
final class ReportPartners {

    record Partner(long id, String code, String name) {}

    private ReportPartners() {}

    static Map<Long, Partner> all(Connection con) throws SQLException {
        Map<Long, Partner> out = new LinkedHashMap<>();
        try (PreparedStatement ps = con.prepareStatement("SELECT id, code, name FROM partner ORDER BY code");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Partner(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    static Partner byCode(Map<Long, Partner> partners, String code) {
        return partners.values().stream()
                .filter(p -> p.code().equalsIgnoreCase(code.trim()))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalid("partner", "no partner has the code '" + code + "'"));
    }
}
