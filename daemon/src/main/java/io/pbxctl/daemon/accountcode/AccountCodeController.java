package io.pbxctl.daemon.accountcode;

import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.crud.TenantCrudController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tenants/{tenantId}/account-codes; filters: userId, label. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/account-codes")
@Tag(name = "Account codes")
class AccountCodeController extends TenantCrudController<AccountCode, AccountCodeRequest, AccountCodeView> {

    AccountCodeController(TenantCrud crud, AccountCodeResource resource) {
        super(crud, resource);
    }
}
