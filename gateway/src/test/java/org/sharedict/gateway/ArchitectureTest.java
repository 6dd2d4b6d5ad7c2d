package org.sharedict.gateway;

import org.junit.jupiter.api.Test;

import org.sharedict.testing.Rooms;

/**
 * The gateway's rooms keep their walls (docs/ARCHITECTURE.md, "Rooms"): no cycle between its feature
 * packages, and no feature touching another's entities; {@code platform} is the shared kernel.
 */
class ArchitectureTest {

    @Test
    void featuresHaveNoCyclesAndKeepTheirEntities() {
        Rooms.check("org.sharedict.gateway", "platform");
    }
}
