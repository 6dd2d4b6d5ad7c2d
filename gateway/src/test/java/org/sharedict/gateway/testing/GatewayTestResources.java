package org.sharedict.gateway.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every @QuarkusTest of this module shares one application with the stand-in services (WireMock
 * for skills-service, rota-service and dr-planner, a small programmable "probe" service) and a
 * stand-in OpenID Connect issuer.
 */
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = StandInIssuer.class, restrictToAnnotatedClass = false)
public final class GatewayTestResources {

    private GatewayTestResources() {}
}
