package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Logger;

/*
 * Replacement for the class of the same name in rapaio-jupyter-kernel 3.0.1, which loses about one
 * start in six: the kernel starts but never answers. Each channel (shell, control, stdin,
 * heartbeat) reads its socket in one of these loops, and two start-up races can end a loop for good:
 *
 * 1. The stock start() calls Thread.start() first and sets running = true after it. When the new
 *    thread runs before that write, run() sees running == false and returns at once.
 * 2. The loops start before the kernel has registered its message handlers. A request that comes
 *    in that gap (Jupyter sends kernel_info_request as soon as it can) makes the shell loop throw a
 *    NullPointerException, which ends its thread. (Our Channels.java now registers them first;
 *    the catch below stays, so that no exception can end a loop.)
 *
 * Fix: set the flag before the thread starts, and let an iteration that throws end only that
 * iteration. The message it was handling is dropped, as the kernel already drops one that comes
 * before its handler is set; Jupyter repeats kernel_info_request until it gets a reply.
 * Signatures are those of 3.0.1, so the kernel's own classes link against this one.
 * install-kernel compiles it against the kernel jar and puts it first on the kernel's class path.
 */
public final class LoopThread extends Thread {

    private static final Logger LOGGER = Logger.getLogger(LoopThread.class.getSimpleName());

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                LOGGER.warning(getName() + ": dropped a message the kernel could not handle yet: " + e);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true; // before super.start(): the new thread must see it
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
