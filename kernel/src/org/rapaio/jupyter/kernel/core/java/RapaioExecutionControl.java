package org.rapaio.jupyter.kernel.core.java;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;

/*
 * Replacement for the class of the same name in rapaio-jupyter-kernel 3.0.1: it runs each snippet of a
 * cell on a thread of its own, and stops it when the Stop button sends interrupt_request.
 *
 * Why: the stock stop() shut down the thread pool that runs the snippets, so after the first Stop every
 * later cell ran nothing at all (no output, no value, status "ok"). It also let the stopped cell end at
 * once while its code, if it never slept or waited, kept running in the background.
 *
 * What Stop does here (the course's trainer relies on it; JavaEngine.interrupt() calls interrupt() and
 * stop(), JShell.stop() calls stop() again: all three ask the same, once):
 *  1. Thread.interrupt() on the thread running the snippet: sleep(), wait(), join() and blocking queues
 *     throw InterruptedException; a loop can check Thread.interrupted() between steps and end cleanly.
 *  2. If the code still runs STOP_GRACE_MILLIS later, Thread.stop(): a ThreadDeath is thrown wherever it
 *     is, as JShell's own engines do. Java 20 and later refuse Thread.stop(); there, and if the code outlives
 *     ThreadDeath too, the cell ends anyway and says on stderr that its code still runs in the background.
 * The cell is reported as interrupted once its code has ended with an exception. Code that catches the
 * interruption and returns normally ends its snippet normally, and the cell goes on, as in Python after
 * code that catches KeyboardInterrupt. Each snippet starts with the thread's interrupt flag clear.
 * A Stop that comes between two snippets of a cell (while JShell compiles the next) finds nothing running
 * and is lost: the user presses Stop again. The same stop ends a cell still running at shutdown.
 * Signatures are those of 3.0.1, so JavaEngine and RapaioExecutionControlProvider link against this class.
 */
public class RapaioExecutionControl extends DirectExecutionControl {

    public static final String TIMEOUT_MARKER = "## Timeout Marker ##";
    public static final String INTERRUPTED_MARKER = "## Interrupted Marker ##";
    private static final long STOP_GRACE_MILLIS = 2000;
    private static final AtomicInteger ID = new AtomicInteger(0);

    /** One snippet's run. Fields are guarded by the object's lock. */
    private static final class Run {
        Thread thread;     // the thread running the snippet's code; null before it starts and once it returned
        long stopAskedAt;  // System.nanoTime() of the first request to stop, 0 if none
        boolean timedOut;
        boolean killed;    // Thread.stop() was tried
    }

    private final ExecutorService executor;
    private final long timeoutTime;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private volatile Run current;

    public RapaioExecutionControl(long timeoutTime) {
        this.timeoutTime = timeoutTime;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "Engine-thread-" + ID.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
    }

    public long getTimeout() {
        return timeoutTime;
    }

    public Object takeResult(String key) {
        Object result = results.remove(key);
        if (result == null) {
            throw new IllegalStateException("No result with key: " + key);
        }
        return result;
    }

    @Override
    protected String invoke(Method methodCall) throws Exception {
        String id = UUID.randomUUID().toString();
        Object value = execute(methodCall);
        results.put(id, value);
        return id;
    }

    private Object execute(Method methodCall) throws Exception {
        Run run = new Run();
        current = run; // before the code starts: a Stop from now on reaches it
        Future<Object> task = executor.submit(() -> {
            synchronized (run) {
                run.thread = Thread.currentThread();
                if (run.stopAskedAt != 0) {
                    run.thread.interrupt();
                }
            }
            try {
                return methodCall.invoke(null);
            } finally {
                synchronized (run) {
                    run.thread = null;
                }
                Thread.interrupted(); // this pool thread runs later snippets: they start with the flag clear
            }
        });
        long start = System.nanoTime();
        try {
            while (true) {
                try {
                    Object value = task.get(100, TimeUnit.MILLISECONDS);
                    if (run.timedOut) {
                        throw new UserException("Execution timed out", TIMEOUT_MARKER, new StackTraceElement[0]);
                    }
                    return value;
                } catch (TimeoutException e) {
                    if (timeoutTime > 0 && System.nanoTime() - start > timeoutTime * 1_000_000) {
                        synchronized (run) {
                            run.timedOut = true;
                        }
                        askToStop(run);
                    }
                    if (!escalate(run)) {
                        System.err.println("The cell's code did not stop: it still runs in the background."
                                + " Restart the kernel to end it.");
                        throw stopped(run);
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException) {
                cause = cause.getCause();
            }
            if (isStopAsked(run)) {
                throw stopped(run);
            } else if (cause == null) {
                throw new UserException("null", "Unknown Invocation Exception", e.getStackTrace());
            } else if (cause instanceof SPIResolutionException spiResCause) {
                throw new ResolutionException(spiResCause.id(), cause.getStackTrace());
            } else {
                throw new UserException(cause.getMessage(), cause.getClass().getName(), cause.getStackTrace());
            }
        } finally {
            current = null;
        }
    }

    private static UserException stopped(Run run) {
        synchronized (run) {
            return run.timedOut
                    ? new UserException("Execution timed out", TIMEOUT_MARKER, new StackTraceElement[0])
                    : new UserException("Execution interrupted.", INTERRUPTED_MARKER, new StackTraceElement[0]);
        }
    }

    private static boolean isStopAsked(Run run) {
        synchronized (run) {
            return run.stopAskedAt != 0;
        }
    }

    private static void askToStop(Run run) {
        synchronized (run) {
            if (run.stopAskedAt == 0) {
                run.stopAskedAt = System.nanoTime();
                if (run.thread != null) {
                    run.thread.interrupt();
                }
            }
        }
    }

    /**
     * Called while waiting for a snippet that was asked to stop: Thread.stop() once the grace time is over.
     * Returns false when waiting longer is of no use (Thread.stop() unsupported, or outlived).
     */
    @SuppressWarnings("deprecation") // Thread.stop(): the only way to end code that ignores interrupts
    private static boolean escalate(Run run) {
        synchronized (run) {
            if (run.stopAskedAt == 0 || run.thread == null) {
                return true;
            }
            long waited = (System.nanoTime() - run.stopAskedAt) / 1_000_000;
            if (waited < STOP_GRACE_MILLIS) {
                return true;
            }
            if (!run.killed) {
                run.killed = true;
                try {
                    run.thread.stop();
                } catch (UnsupportedOperationException e) { // Java 20 and later
                    return false;
                }
                return true;
            }
            return waited < 2 * STOP_GRACE_MILLIS;
        }
    }

    /** Asks the running snippet, if any, to stop (see the class comment). Returns at once. */
    public void interrupt() {
        Run run = current;
        if (run != null) {
            askToStop(run);
        }
    }

    @Override
    public void stop() {
        interrupt();
    }

    /** JShell closes its engine at shutdown: a cell still running is stopped, so the kernel can end. */
    @Override
    public void close() {
        interrupt();
        super.close();
    }
}
