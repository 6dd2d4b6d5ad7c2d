package org.sharedict.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy that can fail like a database server does, for tests that must not stop the shared
 * one: {@link #pass() pass} traffic, be {@link #kill() killed} (existing connections reset, new
 * ones refused, as when the process dies) or {@link #freeze() frozen} (sockets stay open and
 * connections are still accepted, but not a byte moves, as under {@code kill -STOP}).
 */
public final class TcpFaultProxy implements AutoCloseable {

    public enum State {
        PASSING,
        KILLED,
        FROZEN
    }

    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile State state = State.PASSING;
    private volatile ServerSocket server;
    private volatile boolean closed;

    public TcpFaultProxy(String upstreamHost, int upstreamPort) {
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        this.server = listenOnAFreePort();
        this.port = server.getLocalPort();
        startAccepting(server);
    }

    /** The local port clients connect to; it stays the same across kill and pass. */
    public int port() {
        return port;
    }

    public State state() {
        return state;
    }

    /** Back to normal: listening again after a kill, forwarding the bytes held back by a freeze. */
    public synchronized void pass() {
        if (state == State.KILLED) {
            try {
                server = listen(port);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + port + " again", e);
            }
            startAccepting(server);
        }
        synchronized (gate) {
            state = State.PASSING;
            gate.notifyAll();
        }
    }

    /** Like a crashed server: every open connection is reset, and new ones are refused. */
    public synchronized void kill() {
        synchronized (gate) {
            state = State.KILLED;
            gate.notifyAll();
        }
        closeQuietly(server);
        for (Socket s : sockets) {
            reset(s);
        }
        sockets.clear();
    }

    /** Like a stopped server process: connections open and are accepted, but nothing is answered. */
    public synchronized void freeze() {
        if (state == State.KILLED) {
            pass();
        }
        synchronized (gate) {
            state = State.FROZEN;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        kill();
    }

    /**
     * A port below the ephemeral range: while killed, nothing listens on it, and a client connecting
     * to a free port of the ephemeral range can be given that same port as its own and connect to
     * itself (Linux's TCP self-connect), which would look like a server that answers.
     */
    private static ServerSocket listenOnAFreePort() {
        for (int attempt = 1; ; attempt++) {
            try {
                return listen(FreePorts.outsideTheEphemeralRange());
            } catch (BindException e) {
                if (attempt == 20) {
                    throw new UncheckedIOException(e);
                }
                // taken between the check and the bind: another one
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return s;
    }

    private void startAccepting(ServerSocket listening) {
        Thread t = new Thread(
                () -> {
                    while (!listening.isClosed()) {
                        try {
                            Socket client = listening.accept();
                            connect(client);
                        } catch (IOException e) {
                            // closed by kill() or close()
                        }
                    }
                },
                "fault-proxy-accept-" + port);
        t.setDaemon(true);
        t.start();
    }

    private void connect(Socket client) {
        sockets.add(client);
        Thread t = new Thread(
                () -> {
                    Socket server = new Socket();
                    try {
                        server.connect(upstream, 5_000);
                        sockets.add(server);
                        if (state == State.KILLED || closed) {
                            reset(client);
                            reset(server);
                            return;
                        }
                        Thread back = new Thread(() -> pump(server, client), "fault-proxy-down-" + port);
                        back.setDaemon(true);
                        back.start();
                        pump(client, server);
                    } catch (IOException e) {
                        reset(client);
                        reset(server);
                    }
                },
                "fault-proxy-up-" + port);
        t.setDaemon(true);
        t.start();
    }

    /** Copies bytes one way; while frozen, holds what it read until the proxy passes again. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (gate) {
                    while (state == State.FROZEN) {
                        gate.wait();
                    }
                }
                if (state == State.KILLED) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: the other goes too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        closeQuietly(s);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            // nothing more to do
        }
    }
}
