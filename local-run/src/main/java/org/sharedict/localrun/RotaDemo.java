package org.sharedict.localrun;

/** Demo data for rota-service: filled in by the issue that builds rota-service. */
final class RotaDemo {

    private final Api api;
    private final DemoSeeder.Urls urls;

    RotaDemo(Api api, DemoSeeder.Urls urls) {
        this.api = api;
        this.urls = urls;
    }

    void seed() {
        // Nothing yet: rota-service has no demo data of its own so far.
    }
}
