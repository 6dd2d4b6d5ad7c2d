package org.sharedict.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fault proxy in front of an echo server: passing, frozen, killed, and back. */
class TcpFaultProxyTest {

    private ServerSocket echo;
    private TcpFaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread pump = new Thread(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException e) {
                            // client gone
                        }
                    });
                    pump.setDaemon(true);
                    pump.start();
                } catch (IOException e) {
                    // closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
        proxy = new TcpFaultProxy("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        s.setSoTimeout(10_000);
        return s;
    }

    private static String roundTrip(Socket s, String text) throws IOException {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(sent);
        s.getOutputStream().flush();
        return new String(s.getInputStream().readNBytes(sent.length), StandardCharsets.UTF_8);
    }

    @Test
    void passesBytesBothWays() throws IOException {
        try (Socket s = connect()) {
            assertEquals("hello", roundTrip(s, "hello"));
        }
    }

    @Test
    void frozenItHoldsEveryByteWithTheConnectionOpenAndDeliversThemWhenItPassesAgain() throws IOException {
        try (Socket open = connect()) {
            assertEquals("before", roundTrip(open, "before"));
            proxy.freeze();
            open.getOutputStream().write("held".getBytes(StandardCharsets.UTF_8));
            open.setSoTimeout(700);
            assertThrows(
                    SocketTimeoutException.class, () -> open.getInputStream().read());
            try (Socket late = connect()) {
                late.setSoTimeout(700);
                late.getOutputStream().write('x');
                assertThrows(
                        SocketTimeoutException.class,
                        () -> late.getInputStream().read());
            }
            proxy.pass();
            open.setSoTimeout(10_000);
            assertArrayEquals(
                    "held".getBytes(StandardCharsets.UTF_8),
                    open.getInputStream().readNBytes(4));
        }
    }

    @Test
    void killedItResetsOpenConnectionsAndRefusesNewOnesUntilItPassesAgain() throws IOException {
        try (Socket open = connect()) {
            assertEquals("before", roundTrip(open, "before"));
            proxy.kill();
            InputStream in = open.getInputStream();
            assertThrows(IOException.class, () -> {
                open.getOutputStream().write('x');
                if (in.read() < 0) {
                    throw new IOException("closed");
                }
            });
        }
        assertThrows(ConnectException.class, this::connect);
        proxy.pass();
        try (Socket again = connect()) {
            assertEquals("after", roundTrip(again, "after"));
        }
    }
}
