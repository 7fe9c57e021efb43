package io.pbxctl.daemon.accountcode;

import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.secrets.CodeHasher;
import io.pbxctl.daemon.secrets.SecretPolicy;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.security.Caller;
import io.pbxctl.daemon.security.Role;
import io.pbxctl.daemon.system.Forbidden;
import io.pbxctl.daemon.system.NotFound;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own account codes: they see the labels and may replace a code they suspect is
 * known by a fresh generated one, shown once, without asking their admin. The old code stops
 * working at once.
 */
@Service
class OwnAccountCodes {

    private final AccountCodeRepository codes;
    private final AccountCodeResource resource;
    private final CodeHasher hasher;
    private final Access access;
    private final AuditLog audit;

    OwnAccountCodes(AccountCodeRepository codes, AccountCodeResource resource, CodeHasher hasher, Access access, AuditLog audit) {
        this.codes = codes;
        this.resource = resource;
        this.hasher = hasher;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<AccountCodeView> list() {
        Caller caller = person();
        Specification<AccountCode> own = (root, query, cb) -> cb.and(cb.equal(root.get("tenantId"), caller.tenantId()),
                cb.equal(root.get("userId"), caller.userId()));
        return codes.findAll(own, Sort.by("label", "id")).stream().map(resource::view).toList();
    }

    @Transactional
    AccountCodeView reset(long id) {
        Caller caller = person();
        AccountCode code = codes.findByIdAndTenantId(id, caller.tenantId())
                .filter(c -> c.getUserId().equals(caller.userId()))
                .orElseThrow(() -> new NotFound("account code", id));
        String generated = SecretPolicy.generateDigits(AccountCodeResource.GENERATED_LENGTH);
        code.setCode(hasher.hash(generated), generated);
        codes.saveAndFlush(code);
        audit.updated(caller.tenantId(), "account code", id, Map.of("label", code.getLabel(), "code", "***"),
                Map.of("label", code.getLabel(), "code", "reset by its owner"));
        return resource.view(code);
    }

    private Caller person() {
        Caller caller = access.caller();
        if (caller.userId() == null || caller.role() == Role.BILLING_VIEWER) {
            throw new Forbidden("this login has no account codes");
        }
        return caller;
    }
}
