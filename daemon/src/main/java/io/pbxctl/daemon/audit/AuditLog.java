package io.pbxctl.daemon.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxctl.daemon.security.Access;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes who changed what, with the object before and after. Entries join the transaction of
 * the change, so a change is never stored without its entry or the other way round.
 */
@Service
public class AuditLog {

    /** Property names that are masked wherever they appear, in case a view ever carries one. */
    private static final Set<String> SECRET_NAMES = Set.of("secret", "password", "pin", "code", "generatedCode", "passwordHash", "secretEncrypted");
    static final String MASK = "***";

    private final AuditRepository entries;
    private final ObjectMapper json;
    private final Access access;
    private final ApplicationEventPublisher events;

    AuditLog(AuditRepository entries, ObjectMapper json, Access access, ApplicationEventPublisher events) {
        this.entries = entries;
        this.json = json;
        this.access = access;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(Long tenantId, String type, Long id, Object after) {
        write(tenantId, "CREATE", type, id, null, after);
        events.publishEvent(new ModelChanged(tenantId, type));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(Long tenantId, String type, Long id, Object before, Object after) {
        write(tenantId, "UPDATE", type, id, before, after);
        events.publishEvent(new ModelChanged(tenantId, type));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(Long tenantId, String type, Long id, Object before) {
        write(tenantId, "DELETE", type, id, before, null);
        events.publishEvent(new ModelChanged(tenantId, type));
    }

    /** A secret was shown to someone (a device's login details): what was shown is never logged. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revealed(Long tenantId, String type, Long id, Object whatWasShown) {
        write(tenantId, "REVEAL", type, id, null, whatWasShown);
    }

    /** Lockouts happen outside any request transaction, so they get their own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void loginLockout(String key) {
        ObjectNode detail = json.createObjectNode().put("key", key);
        entries.save(new AuditEntry("anonymous", null, "LOGIN_LOCKOUT", "login", null, null, detail.toString()));
    }

    /** A device entered too many wrong account codes; written by the FastAGI server, outside any request. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void accountCodeLockout(long tenantId, long deviceId, Object detail) {
        entries.save(new AuditEntry("fastagi", tenantId, "CODE_LOCKOUT", "device", deviceId, null, masked(detail)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long tenantId, String action, String type, Long id, Object detail) {
        write(tenantId, action, type, id, null, detail);
    }

    private void write(Long tenantId, String action, String type, Long id, Object before, Object after) {
        entries.save(new AuditEntry(access.actorName(), tenantId, action, type, id, masked(before), masked(after)));
    }

    private String masked(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode tree = json.valueToTree(value);
        mask(tree);
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an audit entry", e);
        }
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                if (SECRET_NAMES.contains(name) && !object.get(name).isNull()) {
                    object.put(name, MASK);
                }
            });
            object.elements().forEachRemaining(AuditLog::mask);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(AuditLog::mask);
        }
    }
}
