package org.sharedict.dr;

import org.junit.jupiter.api.Test;

import org.sharedict.testing.Rooms;

/**
 * dr-planner's walls (README, "Package map"): no cycle between its feature packages, and no
 * feature reads or writes another's entities. {@code platform} is the shared kernel.
 */
class ArchitectureTest {

    @Test
    void featuresStayInTheirRooms() {
        Rooms.check("org.sharedict.dr", "platform");
    }
}
