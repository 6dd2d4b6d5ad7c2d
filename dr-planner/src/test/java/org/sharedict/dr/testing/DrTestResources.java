package org.sharedict.dr.testing;

import org.sharedict.testing.MailServer;

import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module shares one application with the HTTP stubs and the mail server. */
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(MailServer.class)
public final class DrTestResources {

    private DrTestResources() {
    }
}
