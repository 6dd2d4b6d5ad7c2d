package org.sharedict.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The addresses listening on a TCP port, as {@code ss -ltn} shows them (read from where ss reads them). */
final class Listening {

    private Listening() {}

    static Set<String> addresses(int port) throws IOException {
        Set<String> addresses = new HashSet<>();
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(hexPort) && "0A".equals(fields[3])) {
                    String hex = fields[1].substring(0, fields[1].indexOf(':'));
                    addresses.add(hex.length() == 8 ? ipv4(hex) : ipv6(hex));
                }
            }
        }
        return addresses;
    }

    private static String ipv4(String littleEndianHex) {
        long value = Long.parseLong(littleEndianHex, 16);
        return (value & 0xff) + "." + (value >> 8 & 0xff) + "." + (value >> 16 & 0xff) + "." + (value >> 24 & 0xff);
    }

    /** IPv4-mapped addresses (a Java server bound to 127.0.0.1 listens on ::ffff:127.0.0.1) as IPv4. */
    private static String ipv6(String hex) {
        if (hex.startsWith("0000000000000000FFFF0000")) {
            return ipv4(hex.substring(24));
        }
        return switch (hex) {
            case "00000000000000000000000000000000" -> "::";
            case "00000000000000000000000001000000" -> "::1";
            default -> hex;
        };
    }
}
