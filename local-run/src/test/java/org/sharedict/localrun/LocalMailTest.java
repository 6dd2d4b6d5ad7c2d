package org.sharedict.localrun;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalMailTest {

    @TempDir
    Path folder;

    @Test
    void everyMessageIsKeptAsAnEmlFile() throws Exception {
        try (LocalMail mail = new LocalMail(folder, 0);
                Socket s = new Socket("127.0.0.1", mail.port());
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = s.getOutputStream();
            assertTrue(in.readLine().startsWith("220"));
            send(out, "EHLO test");
            String line;
            do {
                line = in.readLine();
            } while (line.startsWith("250-"));
            send(out, "MAIL FROM:<rota-service@sharedict.local>");
            assertTrue(in.readLine().startsWith("250"));
            send(out, "RCPT TO:<sam@boston.example.gov.uk>");
            assertTrue(in.readLine().startsWith("250"));
            send(out, "DATA");
            assertTrue(in.readLine().startsWith("354"));
            send(
                    out,
                    "Subject: [HIGH] BBC incident #1\r\n\r\nYou are being paged.\r\n..a line starting with a dot\r\n.");
            assertTrue(in.readLine().startsWith("250"));
            send(out, "QUIT");
            assertTrue(in.readLine().startsWith("221"));
        }
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.toList();
        }
        assertEquals(1, files.size());
        String eml = Files.readString(files.get(0));
        assertTrue(eml.contains("X-Envelope-To: <sam@boston.example.gov.uk>"), eml);
        assertTrue(eml.contains("Subject: [HIGH] BBC incident #1"), eml);
        assertTrue(eml.contains("\r\n.a line starting with a dot\r\n"), eml);
    }

    private static void send(OutputStream out, String text) throws Exception {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
