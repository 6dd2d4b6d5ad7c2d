package org.sharedict.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogSafeTest {

    @Test
    void anIntegrationKeyKeepsItsPublicIdAndLosesItsSecret() {
        assertEquals(
                "/api/intake/rik_ABCDEFGHJKLM_[redacted]/events",
                LogSafe.uri("/api/intake/rik_ABCDEFGHJKLM_s3cretS3cretS3cretS3cretS3cret12/events"));
        assertEquals(
                "/api/intake/heartbeats/rhb_ABCDEFGHJKLM_[redacted]",
                LogSafe.uri("/api/intake/heartbeats/rhb_ABCDEFGHJKLM_s3cretS3cretS3cretS3cretS3cret12"));
    }

    @Test
    void signedLinkAndFeedTokensAreRedactedAndTheFeedSuffixStays() {
        assertEquals(
                "/api/incidents/actions/[redacted]",
                LogSafe.uri("/api/incidents/actions/eyJpIjo0MiwiYSI6ImFjayJ9.q1W2e3R4t5Y6u7I8o9P0"));
        assertEquals("/api/feeds/[redacted].ics", LogSafe.uri("/api/feeds/Zx81_pQ-9dKq2LmN0vBt7sYh.ics"));
    }

    @Test
    void secretQueryParametersAreRedactedAndTheRestStays() {
        assertEquals(
                "/api/auth/oidc/callback?code=[redacted]&state=[redacted]&provider=lincs",
                LogSafe.uri("/api/auth/oidc/callback?code=abc123&state=xyz&provider=lincs"));
        assertEquals(
                "/api/experts?skill=Azure%20AD&minLevel=3&page=2",
                LogSafe.uri("/api/experts?skill=Azure%20AD&minLevel=3&page=2"));
    }

    @Test
    void ordinaryPathsAreLeftAlone() {
        for (String path : new String[] {
            "/api/reports/on-call-hours",
            "/api/rotas/12/shifts",
            "/api/dr/plans/7/critical-path",
            "/api/working-hours-calendar-exceptions",
            "/",
            "/q/health/ready"
        }) {
            assertEquals(path, LogSafe.uri(path));
        }
    }

    @Test
    void theLineHasQuarkusAccessLogFields() {
        assertEquals(
                "- \"POST /api/intake/rik_ABCDEFGHJKLM_[redacted]/events HTTP/1.1\" 202 57 3 ms rid=abc",
                AccessLog.line(
                        null,
                        "POST",
                        "/api/intake/rik_ABCDEFGHJKLM_s3cretS3cretS3cretS3cretS3cret12/events",
                        "HTTP/1.1",
                        202,
                        57,
                        3,
                        "abc"));
    }
}
