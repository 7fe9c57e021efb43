package io.pbxctl.daemon.config;

import io.pbxctl.daemon.asterisk.AsteriskManager;
import io.pbxctl.daemon.asterisk.DialplanEdit;
import io.pbxctl.daemon.asterisk.ReloadTarget;
import io.pbxctl.daemon.audit.ModelChanged;
import io.pbxctl.daemon.system.PbxProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps Asterisk's generated files in step with the model. Every committed change asks for a
 * regeneration; requests are coalesced on one thread: a generation starts once no change came for
 * {@code pbx.asterisk.regeneration-delay}, or {@code regeneration-max-delay} after the first change
 * of a burst, whichever is first, so a burst of a thousand API calls costs a handful of
 * generations while a single change is live well under two seconds. Only the files whose content
 * changed are rewritten and reloaded. Start-up and a forced regeneration (API, CLI) reload every
 * file, so that Asterisk catches up with files written while it could not be told.
 *
 * <p>A changed dialplan is applied as AMI edits of the extensions that changed when that is
 * possible ({@link DialplanDelta}) and there are at most {@code pbx.asterisk.dialplan-edit-limit}
 * of them; otherwise, and for a new or deleted tenant, it is reloaded in full.
 */
@Component
public class ConfigRegeneration implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConfigRegeneration.class);
    private static final Duration FORCE_TIMEOUT = Duration.ofMinutes(5);

    private final ConfigGenerator generator;
    private final AsteriskManager asterisk;
    private final Duration delay;
    private final Duration maxDelay;
    private final boolean enabled;
    private final int editLimit;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;

    private Instant firstPending;
    private Instant lastRequest;
    private boolean scheduled;
    private boolean generating;
    private long requests;
    private long generations;
    private GenerationOutcome last;
    private Instant lastSuccess;
    /** The dialplan file as last written: what Asterisk runs, or is about to load. Generation thread only. */
    private Dialplan written;

    ConfigRegeneration(ConfigGenerator generator, AsteriskManager asterisk, PbxProperties properties) {
        this.generator = generator;
        this.asterisk = asterisk;
        this.delay = properties.asterisk().regenerationDelay();
        this.maxDelay = properties.asterisk().regenerationMaxDelay();
        this.enabled = properties.asterisk().generate();
        this.editLimit = properties.asterisk().dialplanEditLimit();
    }

    /** What the last generation did, for the status endpoint. */
    public record GenerationOutcome(Instant at, long tookMillis, boolean forced, boolean ok, int tenants, int users,
                                    Set<String> changedFiles, Set<ReloadTarget> reloadRequested, int dialplanEdits, String error) {
    }

    /** The generation side of the status endpoint; the AMI side comes from {@link AsteriskManager}. */
    public record State(long changesSeen, long generations, Instant pendingSince, boolean generating, Instant lastSuccess,
                        GenerationOutcome last) {

        /** Nothing pending and nothing running: the files reflect every change seen. */
        public boolean idle() {
            return pendingSince == null && !generating;
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onModelChanged(ModelChanged change) {
        request();
    }

    /** Asks for a coalesced regeneration; returns at once. */
    public synchronized void request() {
        Instant now = clock.instant();
        requests++;
        lastRequest = now;
        if (firstPending == null) {
            firstPending = now;
        }
        if (!scheduled && executor != null) {
            scheduled = true;
            executor.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Regenerates now, on the generation thread (after any generation in progress), and reloads
     * every file whether it changed or not. Throws when the generation failed.
     */
    public GenerationOutcome regenerateNow() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
        }
        try {
            GenerationOutcome outcome = running == null
                    ? generate(true)
                    : running.submit(() -> generate(true)).get(FORCE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!outcome.ok()) {
                throw new GenerationFailed(outcome.error());
            }
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while regenerating", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("regeneration did not finish: " + e, e);
        }
    }

    public synchronized State state() {
        return new State(requests, generations, firstPending, generating, lastSuccess, last);
    }

    private void tick() {
        synchronized (this) {
            Instant now = clock.instant();
            Instant quietAt = lastRequest.plus(delay);
            Instant deadline = firstPending.plus(maxDelay);
            if (now.isBefore(quietAt) && now.isBefore(deadline)) {
                Instant next = quietAt.isBefore(deadline) ? quietAt : deadline;
                executor.schedule(this::tick, Math.max(1, Duration.between(now, next).toMillis()), TimeUnit.MILLISECONDS);
                return;
            }
            scheduled = false;
            firstPending = null;
            generating = true;
        }
        generate(false);
    }

    private GenerationOutcome generate(boolean forced) {
        synchronized (this) {
            generating = true;
        }
        Instant start = clock.instant();
        GenerationOutcome outcome;
        try {
            ConfigGenerator.Generation generation = generator.generate();
            Set<ReloadTarget> reload = EnumSet.noneOf(ReloadTarget.class);
            if (forced) {
                reload.addAll(EnumSet.allOf(ReloadTarget.class));
            } else {
                generation.changed().forEach(file -> reload.add(file.reload()));
            }
            Optional<List<DialplanEdit>> delta = dialplanEdits(generation, forced);
            List<DialplanEdit> edits = delta.orElse(List.of());
            if (delta.isPresent()) {
                reload.remove(ReloadTarget.DIALPLAN);
            }
            asterisk.apply(reload, edits);
            outcome = new GenerationOutcome(start, generation.took().toMillis(), forced, true, generation.tenants(), generation.users(),
                    generation.changed().stream().map(GeneratedFile::path).collect(Collectors.toCollection(java.util.TreeSet::new)),
                    reload, edits.size(), null);
            if (!generation.changed().isEmpty() || forced) {
                log.info("Generated Asterisk configuration in {} ms ({} tenants, {} users); changed: {}; reload: {}; dialplan edits: {}",
                        outcome.tookMillis(), outcome.tenants(), outcome.users(), outcome.changedFiles(), reload, edits.size());
            }
        } catch (RuntimeException e) {
            outcome = new GenerationOutcome(start, Duration.between(start, clock.instant()).toMillis(), forced, false, 0, 0, Set.of(),
                    Set.of(), 0, e.getMessage());
            log.error("Generating the Asterisk configuration failed; the previous files stay in place: {}", e.getMessage());
        }
        synchronized (this) {
            generating = false;
            generations++;
            last = outcome;
            if (outcome.ok()) {
                lastSuccess = outcome.at();
            }
        }
        return outcome;
    }

    /**
     * The edits that bring the running dialplan from the file written last time to this one, or
     * empty when it must be reloaded in full (forced, first run, a change edits cannot express, or
     * more edits than the limit).
     */
    private Optional<List<DialplanEdit>> dialplanEdits(ConfigGenerator.Generation generation, boolean forced) {
        if (!generation.changed().contains(GeneratedFile.DIALPLAN) && written != null) {
            return forced ? Optional.empty() : Optional.of(List.of());
        }
        Dialplan before = written;
        try {
            written = Dialplan.parse(generation.files().get(GeneratedFile.DIALPLAN));
        } catch (RuntimeException unreadable) {
            log.warn("The generated dialplan could not be compared with the previous one ({}); reloading it in full", unreadable.toString());
            written = null;
            return Optional.empty();
        }
        if (forced || before == null) {
            return Optional.empty();
        }
        return DialplanDelta.between(before, written).filter(edits -> edits.size() <= editLimit);
    }

    @Override
    public synchronized void start() {
        if (!enabled) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "config-generation");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(() -> generate(true));
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
            scheduled = false;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** A forced regeneration that failed; the message names the offending object or template line. */
    public static class GenerationFailed extends RuntimeException {

        GenerationFailed(String message) {
            super(message);
        }
    }
}
