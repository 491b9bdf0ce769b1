package gancourse.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Downloads, against a small local web server that serves the mirror's files: whole under /good/,
 * truncated under /truncated/, stalling halfway under /stalled/, with changed content under /changed/,
 * and 404 anywhere else. No test reaches the internet.
 */
class DownloadTest {
    private static final String LABELS = "train-labels-idx1-ubyte.gz";

    private final Path data = TestData.tempDir("gan-course-download");
    private final Path mnist = data.resolve("mnist");
    private HttpServer server;
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        // Handlers on their own threads: a stalled answer must not hold up the server.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/", 3);   // "", mode, dataset/file
        Path file = TestData.mirror().resolve(path.length == 3 ? path[2] : "");
        if (!Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        boolean labels = file.getFileName().toString().equals(LABELS);
        switch (path[1]) {
            case "good" -> send(exchange, bytes, bytes.length);
            case "truncated" -> send(exchange, labels ? CacheTest.half(file) : bytes, -1);
            case "stalled" -> {
                if (!labels) {
                    send(exchange, bytes, bytes.length);
                    return;
                }
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(CacheTest.half(file));
                exchange.getResponseBody().flush();
                sleep(3_000);
                exchange.close();
            }
            case "changed" -> {
                if (!labels) {
                    send(exchange, bytes, bytes.length);
                    return;
                }
                byte[] content = DatasetsTest.gunzip(file);
                content[100] ^= 1;
                send(exchange, CacheTest.gzip(content), -1);
            }
            default -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        }
    }

    /** Sends {@code body}, announcing {@code length} bytes (0 = chunked, no length announced). */
    private static void send(HttpExchange exchange, byte[] body, long announced) throws IOException {
        exchange.sendResponseHeaders(200, announced < 0 ? 0 : announced);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Cache internet() {
        return new Cache(data, null);
    }

    private Spec mnistFrom(String... modes) {
        return Spec.MNIST.withUrls(
                Stream.of(modes).map(m -> m.startsWith("http") ? m : base + "/" + m + "/mnist/").toList());
    }

    @Test
    void triesTheAddressesInTurnUntilOneServesTheFile() throws IOException {
        Spec spec = mnistFrom(refusedAddress(), "missing", "good");

        internet().ensure(spec);

        assertEquals(Spec.MNIST.files().size(), Stamp.read(mnist).size());
        ImageDataset test = Datasets.read(spec, mnist, false, 10);
        assertEquals(7, test.label(0));
    }

    @Test
    void aTruncatedDownloadIsReportedAndNothingIsKept() throws IOException {
        DatasetException e = assertThrows(DatasetException.class, () -> internet().ensure(mnistFrom("truncated")));

        assertTrue(e.getMessage().startsWith("Could not download mnist/" + LABELS + ":\n  - " + base
                + "/truncated/mnist/" + LABELS + ": it is truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("Run again to download it again"), e.getMessage());
        assertEquals(List.of(), TestData.filesUnder(mnist));
    }

    @Test
    void aDownloadThatStallsIsGivenUpAndNothingIsKept() throws IOException {
        Cache impatient = new Cache(data, null, Duration.ofSeconds(1));
        DatasetException e = assertThrows(DatasetException.class, () -> impatient.ensure(mnistFrom("stalled")));

        assertTrue(e.getMessage().startsWith("Could not download mnist/" + LABELS + ":\n  - " + base
                + "/stalled/mnist/" + LABELS + ": the download stalled (no data for 1 s); deleted what was downloaded"),
                e.getMessage());
        assertEquals(List.of(), TestData.filesUnder(mnist));
    }

    @Test
    void aDownloadWithTheWrongChecksumIsDeletedAndNamed() throws IOException {
        DatasetException e = assertThrows(DatasetException.class, () -> internet().ensure(mnistFrom("changed")));

        assertTrue(e.getMessage().contains(
                "wrong checksum, a corrupt or changed file (train-labels-idx1-ubyte: SHA-256"),
                e.getMessage());
        assertTrue(e.getMessage().contains("deleted what was downloaded"), e.getMessage());
        assertTrue(e.getMessage().contains("Run again to download it again"), e.getMessage());
        assertEquals(List.of(), TestData.filesUnder(mnist));
    }

    @Test
    void noReachableServerMeansNoNetwork() throws IOException {
        String refused = refusedAddress();
        DatasetException e = assertThrows(DatasetException.class,
                () -> internet().ensure(mnistFrom(refused, "http://no-such-host.invalid/mnist/")));

        assertTrue(e.getMessage().startsWith("No network: could not reach any download site for "
                + "mnist/train-images-idx3-ubyte.gz:\n  - " + refused + "train-images-idx3-ubyte.gz: could not "
                + "connect: Connection refused\n  - http://no-such-host.invalid/mnist/train-images-idx3-ubyte.gz: "
                + "could not connect: unknown host no-such-host.invalid (no network or no DNS)\n"), e.getMessage());
        assertTrue(e.getMessage().contains("set GAN_COURSE_DATA_MIRROR"), e.getMessage());
        assertEquals(List.of(), TestData.filesUnder(mnist));
    }

    /** An address where nothing listens: a port that was free a moment ago. */
    private static String refusedAddress() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/mnist/";
        }
    }
}
