package org.sharedict.localrun;

/** Demo data for gateway: filled in by the issue that builds gateway. */
final class GatewayDemo {

    private final Api api;
    private final DemoSeeder.Urls urls;

    GatewayDemo(Api api, DemoSeeder.Urls urls) {
        this.api = api;
        this.urls = urls;
    }

    void seed() {
        // Nothing yet: gateway has no demo data of its own so far.
    }
}
