package dev.debrief.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A local HTTP endpoint on a free port that keeps what it is sent and answers with the status codes it is told. */
final class Receiver implements AutoCloseable {

    /** One request as received: its headers (names in lower case) and its body's exact bytes. */
    record Request(Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private volatile Consumer<Request> onEach = request -> {
    };

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/in", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    values.get(0)));
            Request request = new Request(headers, exchange.getRequestBody().readAllBytes());
            received.add(request);
            onEach.accept(request);
            exchange.sendResponseHeaders(nextAnswer(), -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/in";
    }

    /** Runs {@code action} on each request as it arrives, before answering it. */
    void onEach(Consumer<Request> action) {
        onEach = action;
    }

    /** Answers the next requests with these codes, in order, then 204 again. */
    synchronized void answer(Integer... codes) {
        answers.addAll(List.of(codes));
    }

    private synchronized int nextAnswer() {
        return answers.isEmpty() ? 204 : answers.poll();
    }

    List<Request> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
