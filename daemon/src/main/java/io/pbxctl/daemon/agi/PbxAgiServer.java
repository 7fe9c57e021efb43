package io.pbxctl.daemon.agi;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.fastagi.internal.AgiConnectionHandler;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk-Java's FastAGI server with our socket and pool: a fixed number of threads and a
 * bounded queue in front of them (Asterisk-Java's own pool has no queue and drops a burst
 * beyond its maximum), and a connection that waited in the queue longer than allowed is closed
 * unanswered, which the dialplan treats as a refusal, rather than answered after the caller
 * gave up.
 */
final class PbxAgiServer extends DefaultAgiServer {

    private static final Logger log = LoggerFactory.getLogger(PbxAgiServer.class);

    private final GuardedServerSocket socket;
    private final int threads;
    private final int queueCapacity;
    private final long queueWaitNanos;

    PbxAgiServer(MappingStrategy scripts, GuardedServerSocket socket, int threads, int queueCapacity, Duration queueWait) {
        super(scripts);
        this.socket = socket;
        this.threads = threads;
        this.queueCapacity = queueCapacity;
        this.queueWaitNanos = queueWait.toNanos();
    }

    @Override
    protected ServerSocketFacade createServerSocket() {
        return socket;
    }

    @Override
    protected ThreadPoolExecutor createPool() {
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queueCapacity),
                runnable -> {
                    Thread thread = new Thread(runnable, "fastagi-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    protected void execute(Runnable command) {
        long queuedAt = System.nanoTime();
        super.execute(() -> {
            if (System.nanoTime() - queuedAt > queueWaitNanos && command instanceof AgiConnectionHandler handler) {
                log.warn("closed a FastAGI connection unanswered after waiting longer than pbx.fastagi.queue-wait");
                handler.release();
                return;
            }
            command.run();
        });
    }

    @Override
    protected void handleException(String message, Exception e) {
        log.warn("FastAGI: {}: {}", message, e.getMessage());
    }
}
