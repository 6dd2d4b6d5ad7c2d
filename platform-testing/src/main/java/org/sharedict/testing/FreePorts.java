package org.sharedict.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free TCP port for a server that a test starts some seconds later (a MariaDB, a packaged
 * service, a script). Not {@code new ServerSocket(0)}: that hands out a port from the kernel's
 * ephemeral range, from which every outgoing connection of every other build thread (JDBC pools,
 * HTTP clients, WireMock) also takes its local port, so with {@code -T2} another module could hold
 * it by the time the server binds. The port returned here lies below that range, where only a
 * bind naming it can take it, and is checked free on every address.
 */
public final class FreePorts {

    /** Read line by line: its reported size is 0, and Files.readString returned only its first byte. */
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private static final int LOWEST = 10_000;
    private static final int LINUX_DEFAULT_EPHEMERAL_START = 32_768;

    private FreePorts() {}

    /** A port that is free now on every address and that no outgoing connection will be given. */
    public static int outsideTheEphemeralRange() {
        int below = ephemeralRangeStart();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(LOWEST, below);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + below + " after 200 tries");
    }

    /**
     * One such port for each setting name (e.g. {@code GATEWAY_PORT}), no two the same: the
     * environment for a script that starts several servers, in a new map the caller may add to.
     */
    public static Map<String, String> forSettings(List<String> settings) {
        Map<String, String> ports = new HashMap<>();
        for (String setting : settings) {
            String port;
            do {
                port = String.valueOf(outsideTheEphemeralRange());
            } while (ports.containsValue(port));
            ports.put(setting, port);
        }
        return ports;
    }

    private static boolean isFree(int port) {
        // The wildcard bind fails while anything listens on the port, on any address.
        try (ServerSocket any = new ServerSocket(port)) {
            return any.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String[] range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            int start = Integer.parseInt(range[0]);
            return start > LOWEST + 1_000 ? start : LINUX_DEFAULT_EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return LINUX_DEFAULT_EPHEMERAL_START;
        }
    }
}
