package io.pbxctl.daemon.asterisk;

import io.pbxctl.daemon.asterisk.AmiStatus.Connection;
import io.pbxctl.daemon.asterisk.AmiStatus.LastReload;
import io.pbxctl.daemon.asterisk.AmiStatus.Outcome;
import io.pbxctl.daemon.system.PbxProperties;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.ConfbridgeListAction;
import org.asteriskjava.manager.action.ConfbridgeListRoomsAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PJSipShowEndpointsAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConfbridgeListEvent;
import org.asteriskjava.manager.event.ConfbridgeListRoomsEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.EndpointList;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The daemon's one AMI connection, which applies generated configuration. {@link #reload} only
 * records targets as pending and returns; they are sent as soon as Asterisk can be reached, so a
 * change written while Asterisk is down or restarting is applied when it comes back.
 *
 * <p>One worker thread does all the talking to Asterisk: connecting, retrying with a doubling
 * delay, pinging, and sending reloads, one batch at a time. It connects in the background, so the
 * daemon starts whether Asterisk is up or not. It does its own reconnecting rather than leaving
 * it to Asterisk-Java, which does not retry a first login and, after a lost connection, retries
 * every 5 s forever with a warning each time; the connection's own reconnect thread is stopped
 * by logging off as soon as a disconnect is seen.
 */
public class AsteriskManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AsteriskManager.class);

    /** Asterisk's answer to a module reload while another one (an operator's {@code core reload}) runs. */
    private static final String RELOAD_IN_PROGRESS = "A reload is in progress";

    private final PbxProperties.Ami settings;
    private final Clock clock = Clock.systemUTC();
    private final Object lifecycle = new Object();

    // Guarded by this; the snapshot that status() reads.
    private final EnumSet<ReloadTarget> pending = EnumSet.noneOf(ReloadTarget.class);
    private final List<DialplanEdit> pendingEdits = new ArrayList<>();
    private AmiStatus.Connection state;
    private Instant since;
    private String detail = "";
    private LastReload lastReload;

    // Used on the worker thread only.
    private DefaultManagerConnection connection;
    private Duration nextRetry;
    private ScheduledFuture<?> pinger;

    private volatile ScheduledThreadPoolExecutor worker;

    AsteriskManager(PbxProperties.Ami settings) {
        this.settings = settings;
        this.state = settings.enabled() ? Connection.CONNECTING : Connection.DISABLED;
        this.since = clock.instant();
    }

    /**
     * Asks for these targets to be reloaded and returns at once. They are applied right away when
     * connected, otherwise as soon as the connection is up; requests made meanwhile are merged.
     */
    public void reload(Set<ReloadTarget> targets) {
        apply(targets, List.of());
    }

    /**
     * Like {@link #reload}, and edits the running dialplan extension by extension instead of
     * reloading it. Edits only go out on a connection that is up now, to an Asterisk that has no
     * dialplan reload pending; otherwise, and when an edit fails, the whole dialplan is reloaded
     * instead, since the file already holds the change. Edits follow the other reloads of their
     * batch, as a dialplan reload would.
     */
    public void apply(Set<ReloadTarget> targets, List<DialplanEdit> edits) {
        if (targets.isEmpty() && edits.isEmpty()) {
            return;
        }
        synchronized (this) {
            pending.addAll(targets);
            if (!edits.isEmpty()) {
                if (state == Connection.CONNECTED && !pending.contains(ReloadTarget.DIALPLAN)) {
                    pendingEdits.addAll(edits);
                } else {
                    pending.add(ReloadTarget.DIALPLAN);
                }
            }
        }
        onWorker(this::applyPending);
    }

    /**
     * Each PJSIP endpoint's device state as Asterisk reports it ("Not in use" for a registered idle
     * phone, "Unavailable" when no contact is reachable, "In use", "Ringing", ...), or empty when
     * Asterisk cannot be asked now. PJSIPShowEndpoints is in the "system" class the AMI user
     * already has. Asked on the worker thread, like everything else said to Asterisk.
     */
    public Optional<Map<String, String>> endpointStates() {
        return ask(() -> {
            ResponseEvents answer = connection.sendEventGeneratingAction(new PJSipShowEndpointsAction(),
                    settings.responseTimeout().toMillis());
            Map<String, String> states = new HashMap<>();
            for (ResponseEvent event : answer.getEvents()) {
                if (event instanceof EndpointList endpoint) {
                    states.put(endpoint.getObjectName(), endpoint.getDevicestate());
                }
            }
            return states;
        });
    }

    /**
     * Who is in each running conference whose name starts with the prefix (a tenant's rooms are
     * {@code <slug>~<number>}), from ConfbridgeListRooms and ConfbridgeList; an empty map when
     * none runs, empty when Asterisk cannot be asked. Both actions need the "reporting" write class.
     */
    public Optional<Map<String, List<ConferenceParticipant>>> conferences(String namePrefix) {
        return ask(() -> {
            Map<String, List<ConferenceParticipant>> rooms = new TreeMap<>();
            for (ResponseEvent event : list(new ConfbridgeListRoomsAction())) {
                if (event instanceof ConfbridgeListRoomsEvent room && room.getConference() != null
                        && room.getConference().startsWith(namePrefix)) {
                    rooms.put(room.getConference(), new ArrayList<>());
                }
            }
            for (Map.Entry<String, List<ConferenceParticipant>> room : rooms.entrySet()) {
                for (ResponseEvent event : list(new ConfbridgeListAction(room.getKey()))) {
                    if (event instanceof ConfbridgeListEvent member) {
                        room.getValue().add(new ConferenceParticipant(member.getCallerIdNum(), member.getCallerIdName(),
                                Boolean.TRUE.equals(member.getAdmin()), "Yes".equalsIgnoreCase(member.getMuted()), member.getAnsweredtime()));
                    }
                }
            }
            return rooms;
        });
    }

    /**
     * The channels in one conference as ConfbridgeList reports them (none when it does not run),
     * or empty when Asterisk cannot be asked now.
     */
    public Optional<List<String>> conferenceChannels(String conference) {
        return ask(() -> {
            List<String> channels = new ArrayList<>();
            for (ResponseEvent event : list(new ConfbridgeListAction(conference))) {
                if (event instanceof ConfbridgeListEvent member) {
                    channels.add(member.getChannel());
                }
            }
            return channels;
        });
    }

    /** The list events of an action; none when Asterisk answers that there is nothing to list, a failure for any other error. */
    private Collection<ResponseEvent> list(EventGeneratingAction action) throws IOException, EventTimeoutException {
        ResponseEvents answer = connection.sendEventGeneratingAction(action, settings.responseTimeout().toMillis());
        ManagerResponse response = answer.getResponse();
        if (response != null && "Error".equalsIgnoreCase(response.getResponse())) {
            String message = String.valueOf(response.getMessage());
            if (message.startsWith("No active conferences") || message.startsWith("No Conference by that name")) {
                return List.of();
            }
            throw new IllegalStateException(action.getAction() + ": " + message);
        }
        return answer.getEvents();
    }

    /** Runs a question on the worker when connected; empty when not connected, stopped, failing or slower than the response timeout. */
    private <T> Optional<T> ask(Callable<T> question) {
        ScheduledThreadPoolExecutor thread = worker;
        synchronized (this) {
            if (thread == null || state != Connection.CONNECTED) {
                return Optional.empty();
            }
        }
        Future<T> answer;
        try {
            answer = thread.submit(question);
        } catch (RejectedExecutionException stopping) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(await(answer));
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            log.debug("AMI question not answered: {}", e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Waits for work queued on the worker: its own answer takes at most the response timeout, and
     * what runs before it (a reload, a reconnection) about as long again. Past that the work is
     * cancelled if it has not started; if it has, it still ends, unreported.
     */
    private <T> T await(Future<T> answer) throws ExecutionException, java.util.concurrent.TimeoutException, InterruptedException {
        try {
            return answer.get(settings.responseTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(false);
            throw e;
        }
    }

    /**
     * Sends one action (a ConfBridge kick, ...) on the worker thread, between reloads, and waits
     * for Asterisk's answer for at most the response timeout, and for the worker for about as
     * long again. Fails at once when not connected: the caller decides whether to try again
     * later, so an action sent this way must be one that can be repeated (a kick, a hangup).
     */
    public ManagerResponse send(ManagerAction action) throws IOException {
        Future<ManagerResponse> answer;
        try {
            answer = worker().submit(() -> {
                synchronized (this) {
                    if (state != Connection.CONNECTED) {
                        throw new IOException("not connected to Asterisk (" + state + (detail.isEmpty() ? "" : ": " + detail) + ")");
                    }
                }
                try {
                    return connection.sendAction(action, settings.responseTimeout().toMillis());
                } catch (TimeoutException e) {
                    throw new IOException("Asterisk did not answer " + action.getAction() + " in time", e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IOException("the AMI connection is not running (pbx.ami.enabled=false, or the daemon is stopping)", e);
        }
        try {
            return await(answer);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("the AMI connection was busy (a reload or a reconnection) for longer than twice pbx.ami.response-timeout;"
                    + " " + action.getAction() + " was not sent, or its answer not awaited", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Asterisk", e);
        }
    }

    public synchronized AmiStatus status() {
        return new AmiStatus(state, since, detail, pending, lastReload);
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (worker != null || !settings.enabled()) {
                return;
            }
            connection = new DefaultManagerConnection(settings.host(), settings.port(), settings.username(), settings.secret());
            connection.setSocketTimeout(millis(settings.connectTimeout()));
            connection.setDefaultResponseTimeout(settings.connectTimeout().toMillis());
            connection.setKeepAliveAfterAuthenticationFailure(false);
            // Runs on Asterisk-Java's pump thread, which also delivers responses: hand over, never block it.
            connection.addEventListener(event -> {
                if (event instanceof DisconnectEvent) {
                    onWorker(() -> connectionLost("Asterisk closed the connection"));
                }
            });
            nextRetry = settings.retryInitial();
            ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, task -> {
                Thread t = new Thread(task, "ami");
                t.setDaemon(true);
                return t;
            });
            thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            thread.setRemoveOnCancelPolicy(true);
            worker = thread;
            thread.execute(this::connect);
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            ScheduledThreadPoolExecutor thread = worker;
            if (thread == null) {
                return;
            }
            worker = null;
            // Lets an attempt in progress finish (bounded by the connect timeout) instead of
            // interrupting Asterisk-Java half-way through a login.
            thread.shutdown();
            try {
                thread.awaitTermination(settings.connectTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            logoff();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void connect() {
        try {
            connection.login("off");
        } catch (AuthenticationFailedException e) {
            retryLater(Connection.LOGIN_FAILED, e.getMessage());
            return;
        } catch (IOException | TimeoutException | RuntimeException e) {
            retryLater(Connection.UNREACHABLE, describe(e));
            return;
        }
        nextRetry = settings.retryInitial();
        changeState(Connection.CONNECTED, "");
        long ping = settings.pingInterval().toMillis();
        pinger = worker().scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
        applyPending();
    }

    private void retryLater(Connection failure, String why) {
        changeState(failure, why);
        worker().schedule(this::connect, nextRetry.toMillis(), TimeUnit.MILLISECONDS);
        Duration doubled = nextRetry.multipliedBy(2);
        nextRetry = doubled.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : doubled;
    }

    private void ping() {
        try {
            connection.sendAction(new PingAction(), settings.connectTimeout().toMillis());
        } catch (IOException | TimeoutException | IllegalStateException e) {
            connectionLost("no answer to a ping: " + describe(e));
        }
    }

    private void connectionLost(String why) {
        synchronized (this) {
            // Asterisk may come back restarted, having read the files already: reload rather than edit.
            if (!pendingEdits.isEmpty()) {
                pendingEdits.clear();
                pending.add(ReloadTarget.DIALPLAN);
            }
            if (state != Connection.CONNECTED) {
                return;
            }
        }
        pinger.cancel(false);
        logoff();
        retryLater(Connection.UNREACHABLE, why);
    }

    /** Sends the pending targets when connected; targets the connection failed under stay pending. */
    private void applyPending() {
        Set<ReloadTarget> batch;
        List<DialplanEdit> edits;
        synchronized (this) {
            if (state != Connection.CONNECTED || (pending.isEmpty() && pendingEdits.isEmpty())) {
                return;
            }
            batch = pending.isEmpty() ? EnumSet.noneOf(ReloadTarget.class) : EnumSet.copyOf(pending);
            // A dialplan reload in the batch loads the file, which holds every edit already.
            edits = batch.contains(ReloadTarget.DIALPLAN) ? List.of() : List.copyOf(pendingEdits);
            pending.clear();
            pendingEdits.clear();
        }
        List<String> failures = new ArrayList<>();
        Set<ReloadTarget> retry = EnumSet.noneOf(ReloadTarget.class);
        for (ReloadTarget target : batch) {
            ManagerResponse response;
            try {
                response = connection.sendAction(target.action(), settings.responseTimeout().toMillis());
            } catch (IOException | TimeoutException | IllegalStateException e) {
                Set<ReloadTarget> unsent = EnumSet.copyOf(batch);
                unsent.removeIf(done -> done.compareTo(target) < 0);
                if (!edits.isEmpty()) {
                    unsent.add(ReloadTarget.DIALPLAN);
                }
                keepPending(unsent);
                finished(batch, 0, List.of(target + ": " + describe(e) + "; " + unsent + " stay pending until reconnected"));
                connectionLost(describe(e));
                return;
            }
            if (response == null) {
                failures.add(target + ": no response");
            } else if (!"Success".equalsIgnoreCase(response.getResponse())) {
                failures.add(target + ": " + response.getMessage());
                if (RELOAD_IN_PROGRESS.equalsIgnoreCase(response.getMessage())) {
                    retry.add(target);
                }
            }
        }
        if (!edits.isEmpty() && !sendEdits(batch, edits, failures)) {
            return;
        }
        finished(batch, edits.size(), failures);
        if (!retry.isEmpty()) {
            keepPending(retry);
            worker().schedule(this::applyPending, settings.retryInitial().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Sends the edits in order and stops at the first one Asterisk refuses, which then reloads the
     * whole dialplan. Returns false when the connection failed (the dialplan reload stays pending).
     */
    private boolean sendEdits(Set<ReloadTarget> batch, List<DialplanEdit> edits, List<String> failures) {
        for (DialplanEdit edit : edits) {
            ManagerResponse response;
            try {
                response = connection.sendAction(edit.action(), settings.responseTimeout().toMillis());
            } catch (IOException | TimeoutException | IllegalStateException e) {
                keepPending(EnumSet.of(ReloadTarget.DIALPLAN));
                finished(batch, 0, List.of(edit + ": " + describe(e) + "; the dialplan is reloaded once reconnected"));
                connectionLost(describe(e));
                return false;
            }
            if (response == null || !"Success".equalsIgnoreCase(response.getResponse())) {
                failures.add(edit + ": " + (response == null ? "no response" : response.getMessage())
                        + "; reloading the whole dialplan instead");
                keepPending(EnumSet.of(ReloadTarget.DIALPLAN));
                worker().execute(this::applyPending);
                return true;
            }
        }
        return true;
    }

    private synchronized void keepPending(Set<ReloadTarget> targets) {
        pending.addAll(targets);
    }

    private void finished(Set<ReloadTarget> batch, int edits, List<String> failures) {
        LastReload reload = failures.isEmpty()
                ? new LastReload(clock.instant(), batch, edits, Outcome.OK, "")
                : new LastReload(clock.instant(), batch, edits, Outcome.FAILED, String.join("; ", failures));
        synchronized (this) {
            lastReload = reload;
        }
        if (failures.isEmpty()) {
            if (edits == 0) {
                log.info("Asterisk reloaded {}", batch);
            } else {
                log.info("Asterisk reloaded {} and took {} dialplan edits", batch, edits);
            }
        } else {
            log.warn("Asterisk reload of {} failed: {}", batch, reload.message());
        }
    }

    private void changeState(Connection next, String why) {
        Connection previous;
        synchronized (this) {
            previous = state;
            detail = why;
            if (previous == next) {
                return;
            }
            state = next;
            since = clock.instant();
        }
        String where = settings.host() + ":" + settings.port();
        switch (next) {
            case CONNECTED -> log.info("AMI connected to {} as '{}'", where, settings.username());
            case UNREACHABLE -> log.warn("AMI: {} Asterisk at {} ({}); retrying every {} at most, reloads wait until then",
                    previous == Connection.CONNECTED ? "lost the connection to" : "cannot reach", where, why, format(settings.retryMax()));
            case LOGIN_FAILED -> log.error("AMI: Asterisk at {} refused the login as '{}' ({}); check pbx.ami.username and"
                    + " pbx.ami.secret against its manager.conf; retrying every {} at most", where, settings.username(), why,
                    format(settings.retryMax()));
            default -> {
            }
        }
    }

    /** Ends the session, and with it Asterisk-Java's own reconnect thread, whatever state it is in. */
    private void logoff() {
        ManagerConnectionState current = connection.getState();
        if (current == ManagerConnectionState.CONNECTED || current == ManagerConnectionState.RECONNECTING) {
            try {
                connection.logoff();
            } catch (IllegalStateException alreadyGone) {
                // a reconnect attempt ended the session in between: nothing left to end
            }
        }
    }

    private void onWorker(Runnable task) {
        ScheduledThreadPoolExecutor thread = worker;
        if (thread != null) {
            try {
                thread.execute(task);
            } catch (RejectedExecutionException stopping) {
                // stop() is under way: what is pending stays in the status
            }
        }
    }

    private ScheduledThreadPoolExecutor worker() {
        ScheduledThreadPoolExecutor thread = worker;
        if (thread == null) {
            throw new RejectedExecutionException("stopped");
        }
        return thread;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** As in the properties: 30s, 5m. */
    private static String format(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
