package org.sharedict.rota;

import org.junit.jupiter.api.Test;

import org.sharedict.testing.Rooms;

/**
 * The walls docs/ARCHITECTURE.md draws inside rota-service: no cycle between feature packages, and
 * no feature reading or writing another feature's entities. Only {@code platform} (settings,
 * parameters, the caller's token) is shared by all.
 */
class ArchitectureTest {

    @Test
    void featuresFormNoCycleAndKeepTheirEntitiesToThemselves() {
        Rooms.check("org.sharedict.rota", "platform");
    }
}
