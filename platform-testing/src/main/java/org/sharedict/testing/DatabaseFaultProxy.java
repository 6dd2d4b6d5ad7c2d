package org.sharedict.testing;

import java.net.URI;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts a {@link TcpFaultProxy} between the service under test and its MariaDB ({@code TEST_DB_URL},
 * as every test uses), so a test can kill or freeze "the database" without touching the shared
 * server. Use it in a test profile's {@code testResources()} and receive the proxy in an
 * {@code @InjectDatabaseProxy} field.
 */
public class DatabaseFaultProxy implements QuarkusTestResourceLifecycleManager {

    private TcpFaultProxy proxy;

    @Override
    public Map<String, String> start() {
        String server = System.getenv()
                .getOrDefault("TEST_DB_URL", System.getProperty("TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306"));
        URI uri = URI.create(server.substring("jdbc:".length()));
        proxy = new TcpFaultProxy(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort());
        String url = "jdbc:mariadb://127.0.0.1:" + proxy.port()
                + "/${sharedict.database}_test?createDatabaseIfNotExist=true";
        // Profile-qualified too: platform-common sets %test.quarkus.datasource.jdbc.url.
        return Map.of("quarkus.datasource.jdbc.url", url, "%test.quarkus.datasource.jdbc.url", url);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                proxy, new TestInjector.AnnotatedAndMatchesType(InjectDatabaseProxy.class, TcpFaultProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }
}
