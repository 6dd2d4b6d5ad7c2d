package org.sharedict.dr.testing;

import io.quarkus.test.common.QuarkusTestResource;

import org.sharedict.testing.MailServer;

/** Every @QuarkusTest of this module shares one application with the HTTP stubs and the mail server. */
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(MailServer.class)
public final class DrTestResources {

    private DrTestResources() {}
}
