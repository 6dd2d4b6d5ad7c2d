package org.sharedict.testing;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points every service under test at the throwaway key pair: verification with the public key,
 * and (for the gateway, which signs) the private key. Registered through ServiceLoader, so simply
 * having this module on the test classpath is enough.
 */
public class TestJwtConfigSource implements ConfigSource {

    private Map<String, String> values;

    private Map<String, String> values() {
        if (values == null) {
            values = Map.of(
                    "mp.jwt.verify.publickey.location",
                            TestKeys.publicKey().toUri().toString(),
                    "smallrye.jwt.sign.key.location",
                            TestKeys.privateKey().toUri().toString());
        }
        return values;
    }

    @Override
    public Set<String> getPropertyNames() {
        return values().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values().get(propertyName);
    }

    @Override
    public String getName() {
        return "sharedict-test-keys";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
