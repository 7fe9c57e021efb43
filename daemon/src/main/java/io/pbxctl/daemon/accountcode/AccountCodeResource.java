package io.pbxctl.daemon.accountcode;

import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.TenantResource;
import io.pbxctl.daemon.secrets.CodeHasher;
import io.pbxctl.daemon.secrets.SecretPolicy;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.tenant.Tenant;
import io.pbxctl.daemon.user.PbxUser;
import io.pbxctl.daemon.user.UserRepository;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Account codes in the shared CRUD flow. */
@Component
class AccountCodeResource extends TenantResource<AccountCode, AccountCodeRequest, AccountCodeView> {

    static final int GENERATED_LENGTH = 8;

    private final UserRepository users;
    private final CodeHasher hasher;

    AccountCodeResource(AccountCodeRepository codes, UserRepository users, CodeHasher hasher) {
        super("account code", codes, AccountCode::new);
        this.users = users;
        this.hasher = hasher;
    }

    @Override
    public AccountCode create(Tenant tenant, AccountCodeRequest request) {
        AccountCode code = super.create(tenant, request);
        if (request.code() == null) {
            String generated = SecretPolicy.generateDigits(GENERATED_LENGTH);
            code.setCode(hasher.hash(generated), generated);
        }
        return code;
    }

    @Override
    public void update(Tenant tenant, AccountCode code, AccountCodeRequest request) {
        PbxUser owner = users.findByIdAndTenantId(request.userId(), tenant.getId())
                .orElseThrow(() -> new FieldProblem("userId", "Exists", "no user " + request.userId() + " in this tenant"));
        code.setOwner(owner.getId(), request.label() == null ? owner.getName() : request.label());
        if (request.code() != null) {
            code.setCode(hasher.hash(request.code()), null);
        }
    }

    @Override
    public AccountCodeView view(AccountCode code) {
        return new AccountCodeView(code.getId(), code.getUserId(), code.getLabel(), code.getIssuedCode(), code.getUpdatedAt());
    }

    @Override
    public Map<String, Function<String, Specification<AccountCode>>> filters() {
        return Map.of("userId", Filters.id("userId", "userId"), "label", Filters.contains("label"));
    }
}
