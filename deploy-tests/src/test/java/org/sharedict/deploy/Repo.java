package org.sharedict.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository being checked (the deployment files live at its root). */
final class Repo {

    static final Path ROOT = locate();

    private Repo() {}

    static Path path(String relative) {
        return ROOT.resolve(relative).normalize();
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        String configured = System.getProperty("sharedict.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("docker-compose.yml"))) {
            throw new IllegalStateException("not the repository root (no docker-compose.yml): " + root);
        }
        return root;
    }
}
