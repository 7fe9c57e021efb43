package io.pbxctl.daemon.user;

import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.tenant.Tenants;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The language a person reads the portal in: their own, else their tenant's; changed by the person themself. */
@Service
public class UserLanguages {

    private final UserRepository users;
    private final Tenants tenants;
    private final AuditLog audit;

    UserLanguages(UserRepository users, Tenants tenants, AuditLog audit) {
        this.users = users;
        this.tenants = tenants;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<String> of(long tenantId, long userId) {
        return users.findByIdAndTenantId(userId, tenantId)
                .map(user -> user.getLanguage() != null ? user.getLanguage() : tenants.require(tenantId).getLanguage());
    }

    /** Called only for the logged-in person's own user, with a language the portal offers. */
    @Transactional
    public void remember(long tenantId, long userId, String language) {
        users.findByIdAndTenantId(userId, tenantId).filter(user -> !language.equals(user.getLanguage())).ifPresent(user -> {
            String before = user.getLanguage();
            user.setLanguage(language);
            users.saveAndFlush(user);
            audit.updated(tenantId, "user", userId, java.util.Collections.singletonMap("language", before), Map.of("language", language));
        });
    }
}
