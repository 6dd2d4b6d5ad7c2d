package org.sharedict.testing;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free port, and the mailer pointed at it: use
 * as {@code @QuarkusTestResource(MailServer.class)}, and receive it in a {@code @InjectMailServer}
 * field.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        return Map.of(
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                Integer.toString(greenMail.getSmtp().getPort()),
                "quarkus.mailer.mock",
                "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                greenMail, new TestInjector.AnnotatedAndMatchesType(InjectMailServer.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
