package org.sharedict.rota.testing;

import io.quarkus.test.common.QuarkusTestResource;

import org.sharedict.testing.MailServer;

/** Every @QuarkusTest of this module shares one application with the HTTP stub and the mail server. */
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(MailServer.class)
public final class RotaTestResources {

    private RotaTestResources() {}
}
