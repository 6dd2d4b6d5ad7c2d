package org.sharedict.localrun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A mail catcher for {@code ./run.sh}: a minimal SMTP server on localhost that accepts every
 * message the services send (pages, shift notices, reminders, DR review reminders) and keeps each
 * as an {@code .eml} file under the given folder, so a newcomer can read them and nothing leaves
 * the laptop. Prints {@code LOCAL_MAIL_READY port=N} once it listens.
 *
 * <pre>java -cp ... org.sharedict.localrun.LocalMail .data/mail 2525</pre>
 */
public final class LocalMail implements AutoCloseable {

    private final CaughtFiles caught = new CaughtFiles();

    private final ServerSocket server;
    private final Path folder;

    public LocalMail(Path folder, int port) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "local-mail");
        accept.setDaemon(true);
        accept.start();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalMail <folder> <port>");
            System.exit(2);
        }
        try (LocalMail mail = new LocalMail(Path.of(args[0]), Integer.parseInt(args[1]))) {
            System.out.println("LOCAL_MAIL_READY port=" + mail.port() + " folder="
                    + Path.of(args[0]).toAbsolutePath());
            Thread.currentThread().join();
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> session(s), "local-mail-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("local mail: " + e.getMessage());
                }
            }
        }
    }

    /** One SMTP conversation (RFC 5321, just enough for a client that needs no TLS or AUTH). */
    private void session(Socket socket) {
        try (socket;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 localhost sharedict local mail catcher");
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4
                        ? line.substring(0, 4).toUpperCase(Locale.ROOT)
                        : line.toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO" -> reply(out, "250 localhost");
                    case "MAIL" -> {
                        from = line.substring(line.indexOf(':') + 1).trim();
                        to.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        to.add(line.substring(line.indexOf(':') + 1).trim());
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder message = new StringBuilder();
                        String l;
                        while ((l = in.readLine()) != null && !l.equals(".")) {
                            message.append(l.startsWith("..") ? l.substring(1) : l)
                                    .append("\r\n");
                        }
                        Path file = save(from, to, message.toString());
                        reply(out, "250 OK kept as " + file.getFileName());
                    }
                    case "RSET" -> {
                        from = null;
                        to.clear();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            System.err.println("local mail session: " + e.getMessage());
        }
    }

    private Path save(String from, List<String> to, String message) throws IOException {
        Path file = caught.next(folder, "eml");
        String envelope = "X-Envelope-From: " + from + "\r\nX-Envelope-To: " + String.join(", ", to) + "\r\n";
        Files.writeString(file, envelope + message, StandardCharsets.UTF_8);
        System.out.println("local mail: " + file.getFileName() + " to " + String.join(", ", to));
        return file;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
