package gancourse.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;

/** Opens a download from one internet address, and says in plain words why one failed. */
final class Fetch {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_REDIRECTS = 5;

    /** An open download: its bytes, and their number if the server said (else -1). */
    record Download(InputStream in, long length) {}

    /** The machine could not reach the server at all: no network, no DNS, nothing listening. */
    static final class Unreachable extends IOException {
        Unreachable(URL url, IOException cause) {
            super(cause instanceof UnknownHostException ? "could not connect: unknown host " + url.getHost()
                    + " (no network or no DNS)"
                    : cause instanceof SocketTimeoutException ? "could not connect: timed out"
                    : "could not connect: " + cause.getMessage(), cause);
        }
    }

    /** The server answered, but not with the file. */
    static final class HttpStatus extends IOException {
        HttpStatus(int code) {
            super("the server answered HTTP " + code);
        }
    }

    private Fetch() {}

    /**
     * @param stall how long to wait for the next bytes before giving up: a dead connection can otherwise
     *              hang a download forever
     */
    static Download open(String address, Duration stall) throws IOException {
        URL url = URI.create(address).toURL();
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection c = (HttpURLConnection) url.openConnection();
            c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            c.setReadTimeout((int) stall.toMillis());
            // Followed by hand below: Java does not follow a redirect from http to https by itself.
            c.setInstanceFollowRedirects(false);
            try {
                c.connect();
            } catch (IOException e) {
                throw new Unreachable(url, e);
            }
            int code;
            try {
                code = c.getResponseCode();
            } catch (SocketTimeoutException e) {
                c.disconnect();
                throw new IOException("the server did not answer in " + stall.toSeconds() + " s", e);
            }
            String location = c.getHeaderField("Location");
            if (code / 100 == 3 && location != null && redirects < MAX_REDIRECTS) {
                c.disconnect();
                url = new URL(url, location);
                continue;
            }
            if (code != HttpURLConnection.HTTP_OK) {
                c.disconnect();
                throw new HttpStatus(code);
            }
            return new Download(c.getInputStream(), c.getContentLengthLong());
        }
    }

    static String describe(IOException e, Duration stall) {
        if (e instanceof SocketTimeoutException) {
            return "the download stalled (no data for " + stall.toSeconds() + " s)";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Counts the bytes read through it, to tell a download cut short. */
    static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
