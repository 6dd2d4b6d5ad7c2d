package org.sharedict.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair made once per test JVM and kept in a temporary folder. The folder is found
 * through a system property because Quarkus loads test classes in more than one class loader,
 * and all of them must agree on the key.
 */
public final class TestKeys {

    private static final String DIR_PROPERTY = "sharedict.test.keys.dir";

    private TestKeys() {}

    public static synchronized Path dir() {
        String existing = System.getProperty(DIR_PROPERTY);
        if (existing != null) {
            return Path.of(existing);
        }
        try {
            Path dir = Files.createTempDirectory("sharedict-test-keys");
            KeyPair pair = generate();
            Files.writeString(
                    dir.resolve("publicKey.pem"),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    StandardCharsets.US_ASCII);
            Files.writeString(
                    dir.resolve("privateKey.pem"),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    StandardCharsets.US_ASCII);
            // A second, unrelated key: tokens signed with it must be refused.
            Files.writeString(
                    dir.resolve("otherPrivateKey.pem"),
                    pem("PRIVATE KEY", generate().getPrivate().getEncoded()),
                    StandardCharsets.US_ASCII);
            dir.toFile().deleteOnExit();
            System.setProperty(DIR_PROPERTY, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path publicKey() {
        return dir().resolve("publicKey.pem");
    }

    public static Path privateKey() {
        return dir().resolve("privateKey.pem");
    }

    public static PrivateKey signingKey() {
        return read(privateKey());
    }

    public static PrivateKey otherKey() {
        return read(dir().resolve("otherPrivateKey.pem"));
    }

    private static PrivateKey read(Path pem) {
        try {
            String body =
                    Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read test key " + pem, e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        // Assembled at run time so no key-shaped text ever sits in the repository.
        String dashes = "-----";
        return dashes + "BEGIN " + type + dashes + "\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n" + dashes + "END " + type + dashes + "\n";
    }
}
