package org.sharedict.testing;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortsTest {

    @Test
    void thePortIsFreeAndBelowTheRangeThatOutgoingConnectionsTakeTheirPortsFrom() throws Exception {
        int ephemeralStart = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                .get(0)
                .trim()
                .split("\\s+")[0]);
        for (int i = 0; i < 20; i++) {
            int port = FreePorts.outsideTheEphemeralRange();
            assertTrue(port >= 10_000 && port < ephemeralStart, port + " is not below " + ephemeralStart);
            try (ServerSocket server = new ServerSocket(port)) {
                assertEquals(port, server.getLocalPort());
            }
        }
    }
}
