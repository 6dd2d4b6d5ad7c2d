package org.sharedict.localrun;

/** Demo data for dr-planner: filled in by the issue that builds dr-planner. */
final class DrDemo {

    private final Api api;
    private final DemoSeeder.Urls urls;

    DrDemo(Api api, DemoSeeder.Urls urls) {
        this.api = api;
        this.urls = urls;
    }

    void seed() {
        // Nothing yet: dr-planner has no demo data of its own so far.
    }
}
