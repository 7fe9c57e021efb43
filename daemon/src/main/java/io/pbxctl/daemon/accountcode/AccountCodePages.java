package io.pbxctl.daemon.accountcode;

import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.portal.FormValues;
import io.pbxctl.daemon.portal.PortalChoices;
import io.pbxctl.daemon.portal.PortalController;
import io.pbxctl.daemon.portal.PortalForms;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.NotFound;
import io.pbxctl.daemon.user.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.data.domain.Pageable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A user's account codes for the tenant's admins (issue, delete), and a person's own codes,
 * which they may reset. A generated code is shown once, on the page that issued it.
 */
@PortalController
class AccountCodePages {

    private final TenantCrud crud;
    private final AccountCodeResource resource;
    private final OwnAccountCodes own;
    private final UserRepository users;
    private final Access access;
    private final PortalForms forms;

    AccountCodePages(TenantCrud crud, AccountCodeResource resource, OwnAccountCodes own, UserRepository users, Access access,
            PortalForms forms) {
        this.crud = crud;
        this.resource = resource;
        this.own = own;
        this.users = users;
        this.access = access;
        this.forms = forms;
    }

    @GetMapping("/portal/users/{userId}/account-codes")
    String list(@PathVariable long userId, Model model) {
        return page(model, userId, FormValues.stored());
    }

    @PostMapping("/portal/users/{userId}/account-codes")
    String issue(@PathVariable long userId, @Valid @ModelAttribute("codeForm") AccountCodeRequest request, BindingResult binding,
            HttpServletRequest http, Model model) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        AtomicReference<AccountCodeView> issued = new AtomicReference<>();
        boolean saved = forms.submit(binding, model, () -> issued.set(crud.create(resource, tenantId, request)));
        model.addAttribute("issued", issued.get());
        return page(model, userId, saved ? FormValues.stored() : FormValues.submitted(http));
    }

    @PostMapping("/portal/account-codes/{id}/delete")
    String delete(@PathVariable long id) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        AccountCodeView code = crud.get(resource, tenantId, id);
        crud.delete(resource, tenantId, id);
        return "redirect:/portal/users/" + code.userId() + "/account-codes";
    }

    @GetMapping("/portal/me/account-codes")
    String mine(Model model) {
        model.addAttribute("codes", own.list());
        return "portal/my-account-codes";
    }

    @PostMapping("/portal/me/account-codes/{id}/reset")
    String reset(@PathVariable long id, Model model) {
        AtomicReference<AccountCodeView> issued = new AtomicReference<>();
        forms.submit(new MapBindingResult(Map.of(), "reset"), model, () -> issued.set(own.reset(id)));
        model.addAttribute("issued", issued.get());
        model.addAttribute("codes", own.list());
        return "portal/my-account-codes";
    }

    private String page(Model model, long userId, FormValues values) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        model.addAttribute("codes", crud.list(resource, tenantId, Map.of("userId", Long.toString(userId)),
                Pageable.ofSize(500).withPage(0)).items());
        model.addAttribute("owner", users.findByIdAndTenantId(userId, tenantId).orElseThrow(() -> new NotFound("user", userId)));
        model.addAttribute("values", values);
        return "portal/account-codes";
    }
}
