package org.rapaio.jupyter.kernel.channels;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import gancourse.kernel.CellSource;
import gancourse.kernel.History;
import gancourse.kernel.Inspection;
import gancourse.kernel.IsComplete;
import gancourse.kernel.KernelInfo;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubExecuteInput;
import org.rapaio.jupyter.kernel.message.messages.IOPubExecuteResult;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.jupyter.kernel.message.messages.IOPubStream;
import org.rapaio.jupyter.kernel.message.messages.ShellExecuteRequest;
import org.rapaio.jupyter.kernel.message.messages.ShellHistoryRequest;
import org.rapaio.jupyter.kernel.message.messages.ShellInspectReply;
import org.rapaio.jupyter.kernel.message.messages.ShellInspectRequest;
import org.rapaio.jupyter.kernel.message.messages.ShellIsCompleteReply;
import org.rapaio.jupyter.kernel.message.messages.ShellIsCompleteRequest;
import org.rapaio.jupyter.kernel.message.messages.ShellKernelInfoRequest;
import org.rapaio.org.zeromq.ZMQ;

/*
 * Replacement for the class of the same name in rapaio-jupyter-kernel 3.0.1: the kernel's sockets, and
 * the request each message it sends answers. Same public methods as 3.0.1, so the kernel links to it.
 *
 * Why:
 * 1. The stock class keeps ONE current request and ONE list of actions to run when it is done, shared
 *    by the shell and control threads. The Stop button sends interrupt_request on the control channel
 *    while a cell runs: the control thread overwrote the cell's request and then ran the cell's pending
 *    actions itself, so the cell's execute_reply was sent with no parent and lost, and the front end
 *    kept the cell busy [*]. Here each thread that handles a request has its own (a ThreadLocal); code
 *    running on other threads (display(), System.out from the cell's code) reports to the running
 *    execute_request. Replies to control requests go out on the control socket, as the protocol says.
 * 2. A cell whose source ends with ';' (trailing comments aside) sends no execute_result: the IPython
 *    convention, which the notebooks rely on (`display(img);` otherwise shows the display id as Out[n]).
 * 3. The handlers are registered before the sockets are bound: a request that came in between was
 *    logged as "Unhandled message" and dropped at every start.
 * 4. Output sent from a thread that Stop interrupted gets through (see send()).
 * 5. Requests 3.0.1 answers wrongly or not at all: kernel_info_reply gets its "status" (KernelInfo),
 *    history_request is answered from this session's cells (History; 3.0.1 never replied), and
 *    inspect_request finds the name at the cursor (Inspection; 3.0.1 answered found: false for Math.abs).
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class Channels {

    /** A request being handled: the parent of everything sent about it, and what to do when it is done. */
    private static final class Request {
        final MessageId<?> id;
        final Deque<Runnable> afterActions = new ArrayDeque<>();
        volatile boolean hideValue;
        volatile boolean storeHistory;
        volatile int line = -1; // the execution count of the cell, once the kernel has given it one

        Request(MessageId<?> id) {
            this.id = id;
        }
    }

    private static final Request NONE = new Request(null);

    private final ConnectionProperties connProps;
    private final ZMQ.Context ctx;

    private final HeartbeatChannel heartbeat;
    private final ShellChannel shell;
    private final ControlChannel control;
    private final StdinChannel stdin;
    private final IOPubChannel iopub;
    private final Set<AbstractChannel> channels;

    private volatile Map<MessageType<?>, MessageHandler> handlers;
    private final ThreadLocal<Request> handling = new ThreadLocal<>();
    private final History history = new History();
    private volatile Request executing;

    private boolean isConnected = false;
    private volatile boolean requestShutdown = false;

    public Channels(ConnectionProperties connProps) throws NoSuchAlgorithmException, InvalidKeyException {
        this.connProps = connProps;
        ctx = ZMQ.context(1);
        HMACDigest hmacDigest = connProps.createHMACDigest();
        heartbeat = new HeartbeatChannel(this, ctx, hmacDigest);
        shell = new ShellChannel(this, ctx, hmacDigest, this);
        control = new ControlChannel(this, ctx, hmacDigest);
        stdin = new StdinChannel(this, ctx, hmacDigest);
        iopub = new IOPubChannel(this, ctx, hmacDigest);
        channels = Set.of(heartbeat, shell, control, stdin, iopub);
    }

    public void connect(RapaioKernel kernel) {
        if (isConnected) {
            return;
        }
        kernel.registerChannels(this);
        Map<MessageType<?>, MessageHandler> map = new HashMap<>();
        map.put(MessageType.SHELL_EXECUTE_REQUEST, (MessageHandler<ShellExecuteRequest>) message -> {
            Request r = current();
            r.hideValue = CellSource.endsWithSemicolon(message.content().code());
            r.storeHistory = message.content().storeHistory() && !message.content().silent();
            kernel.handleExecuteRequest(message);
        });
        map.put(MessageType.SHELL_INSPECT_REQUEST, (MessageHandler<ShellInspectRequest>) message -> {
            ShellInspectRequest request = message.content();
            DisplayData found;
            try {
                found = Inspection.of(kernel.javaEngine().getSourceAnalysis(), request.code(), request.cursorPos());
            } catch (RuntimeException e) {
                found = null; // JShell's analysis failed on this code: the stock handler answers (found: false)
            }
            if (found == null) {
                kernel.handleInspectRequest(message); // magics (%dependency ...) and names JShell cannot document
                return;
            }
            busyThenIdle();
            reply(new ShellInspectReply(true, found));
        });
        map.put(MessageType.SHELL_COMPLETE_REQUEST, kernel::handleCompleteRequest);
        map.put(MessageType.SHELL_HISTORY_REQUEST, (MessageHandler<ShellHistoryRequest>) message -> {
            busyThenIdle();
            reply(history.answer(message.content()));
        });
        map.put(MessageType.SHELL_IS_COMPLETE_REQUEST, (MessageHandler<ShellIsCompleteRequest>) message -> {
            String code = message.content().code();
            boolean invalid;
            try {
                invalid = !code.strip().startsWith("%")
                        && IsComplete.invalid(kernel.javaEngine().getSourceAnalysis(), code);
            } catch (RuntimeException e) {
                invalid = false; // JShell's analysis failed: the stock handler answers
            }
            if (!invalid) {
                kernel.handleIsCompleteRequest(message); // magics, complete and incomplete code
                return;
            }
            busyThenIdle();
            reply(ShellIsCompleteReply.invalid());
        });
        map.put(MessageType.SHELL_KERNEL_INFO_REQUEST, (MessageHandler<ShellKernelInfoRequest>) message -> {
            busyThenIdle();
            reply(KernelInfo.reply());
        });
        map.put(MessageType.CONTROL_SHUTDOWN_REQUEST, kernel::handleShutdownRequest);
        map.put(MessageType.CONTROL_INTERRUPT_REQUEST, kernel::handleInterruptRequest);
        map.put(MessageType.CUSTOM_COMM_OPEN, kernel::handleCommOpenCommand);
        map.put(MessageType.CUSTOM_COMM_MSG, kernel::handleCommMsgCommand);
        map.put(MessageType.CUSTOM_COMM_CLOSE, kernel::handleCommCloseCommand);
        map.put(MessageType.SHELL_COMM_INFO_REQUEST, kernel::handleCommInfoRequest);
        handlers = map;

        channels.forEach(s -> s.bind(connProps));
        iopub.sendMessage(new Message<>(MessageType.IOPUB_STATUS, IOPubStatus.STARTING));
        isConnected = true;
    }

    public <T> MessageHandler<T> getHandler(MessageType<T> type) {
        Map<MessageType<?>, MessageHandler> map = handlers;
        return map == null ? null : map.get(type);
    }

    public void close() {
        channels.forEach(AbstractChannel::close);
        ctx.close();
    }

    public void joinUntilClose() {
        channels.forEach(AbstractChannel::joinUntilClose);
    }

    /** The request this thread is handling; on any other thread, the execute_request whose code runs. */
    private Request current() {
        Request r = handling.get();
        if (r == null) {
            r = executing;
        }
        return r == null ? NONE : r;
    }

    public boolean hasMsgId() {
        return current().id != null;
    }

    public void setMsgId(MessageId<?> msgId) {
        Request r = new Request(msgId);
        handling.set(r);
        if (MessageType.SHELL_EXECUTE_REQUEST.equals(msgId.header().type())) {
            executing = r;
        }
    }

    public void freeMsgId() {
        Request r = handling.get();
        handling.remove();
        if (r != null && r == executing) {
            executing = null;
        }
    }

    public void markForShutdown() {
        requestShutdown = true;
    }

    public boolean isMarkedForShutdown() {
        return requestShutdown;
    }

    public void writeToStdOut(String msg) {
        publish(new IOPubStream(IOPubStream.StreamName.OUT, msg));
    }

    public void writeToStdErr(String msg) {
        publish(new IOPubStream(IOPubStream.StreamName.ERR, msg));
    }

    public String readFromStdIn() {
        return stdin.getInput(current().id, "", false);
    }

    public <T extends ContentType<T>> void publish(T content) {
        Request r = current();
        if (r.storeHistory && content instanceof IOPubExecuteInput input) {
            r.line = input.count();
            history.input(input.count(), input.code());
        }
        if (r.hideValue && content instanceof IOPubExecuteResult) {
            return;
        }
        if (r.storeHistory && r.line >= 0 && content instanceof IOPubExecuteResult result
                && result.data().get("text/plain") instanceof String text) {
            history.output(r.line, text);
        }
        send(iopub, new Message<>(r.id, content.type(), content));
    }

    public <T extends ContentType<T>> void reply(T content) {
        Request r = current();
        send(replySocket(r), new Message<>(r.id, content.type(), content));
    }

    public void replyError(MessageType<?> type, ErrorReply error) {
        Request r = current();
        send(replySocket(r), new Message(r.id, type, error));
    }

    /*
     * JeroMQ will not send from a thread whose interrupt flag is set (ZMQException "Interrupted function").
     * Stop sets that flag on the thread running the cell, and code that then stops cleanly (a trainer that
     * checks the flag between steps) still prints or displays a last word: it must get through.
     */
    private static void send(AbstractChannel channel, Message<?> message) {
        boolean interrupted = Thread.interrupted();
        try {
            channel.sendMessage(message);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private AbstractChannel replySocket(Request r) {
        boolean isControl = r.id != null && (MessageType.CONTROL_INTERRUPT_REQUEST.equals(r.id.header().type())
                || MessageType.CONTROL_SHUTDOWN_REQUEST.equals(r.id.header().type()));
        return isControl ? control : shell;
    }

    public void scheduleAfter(Runnable action) {
        Request r = current();
        synchronized (r.afterActions) {
            r.afterActions.push(action);
        }
    }

    public void runAfterActions() {
        Request r = current();
        while (true) {
            Runnable action;
            synchronized (r.afterActions) {
                action = r.afterActions.poll();
            }
            if (action == null) {
                return;
            }
            action.run();
        }
    }

    public void busyThenIdle() {
        publish(IOPubStatus.BUSY);
        scheduleAfter(() -> publish(IOPubStatus.IDLE));
    }
}
