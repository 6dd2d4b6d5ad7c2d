package org.sharedict.rota.testing;

import org.sharedict.testing.MailServer;

import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module shares one application with the HTTP stub and the mail server. */
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(MailServer.class)
public final class RotaTestResources {

    private RotaTestResources() {
    }
}
