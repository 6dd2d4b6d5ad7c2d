package org.sharedict.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * Reads the service's routes for {@link AllowedMethods} when the application starts, so the first
 * 405 does not have to (it is answered on an event-loop thread) and a restarted application in the
 * same JVM (tests with other profiles) never answers from the routes of the one before.
 */
@ApplicationScoped
class AllowedMethodsAtStart {

    void read(@Observes StartupEvent start) {
        AllowedMethods.readRoutes();
    }
}
