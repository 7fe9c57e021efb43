package io.pbxctl.daemon.user;

import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.portal.FormValues;
import io.pbxctl.daemon.portal.PortalChoices;
import io.pbxctl.daemon.portal.PortalController;
import io.pbxctl.daemon.portal.PortalForms;
import io.pbxctl.daemon.security.Access;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Arrays;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A user's page for the tenant's admins, editing everything PUT /api/v1/tenants/{t}/users/{id}
 * takes, through the same TenantCrud flow (access, checks, audit); and a person's own page.
 */
@PortalController
class UserPages {

    private final TenantCrud crud;
    private final UserResource resource;
    private final OwnSettings own;
    private final Access access;
    private final PortalForms forms;
    private final PortalChoices choices;

    UserPages(TenantCrud crud, UserResource resource, OwnSettings own, Access access, PortalForms forms, PortalChoices choices) {
        this.crud = crud;
        this.resource = resource;
        this.own = own;
        this.access = access;
        this.forms = forms;
        this.choices = choices;
    }

    @GetMapping("/portal/users/{id}")
    String edit(@PathVariable long id, Model model) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        UserView user = crud.get(resource, tenantId, id);
        return page(model, tenantId, user, stored(user));
    }

    @PostMapping("/portal/users/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("userForm") UserRequest request, BindingResult binding,
            HttpServletRequest http, Model model) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        boolean saved = forms.submit(binding, model, () -> crud.update(resource, tenantId, id, request));
        UserView user = crud.get(resource, tenantId, id);
        model.addAttribute("saved", saved);
        return page(model, tenantId, user, saved ? stored(user) : FormValues.submitted(http));
    }

    @GetMapping("/portal/me")
    String mine(Model model) {
        UserView user = own.read();
        model.addAttribute("user", user);
        model.addAttribute("values", FormValues.stored().with("email", user.email()).with("callWaiting", user.callWaiting())
                .with("autoAnswer", user.autoAnswer()));
        return "portal/me";
    }

    @PostMapping("/portal/me")
    String saveMine(@Valid @ModelAttribute("ownForm") OwnSettingsRequest request, BindingResult binding, HttpServletRequest http,
            Model model) {
        boolean saved = forms.submit(binding, model, () -> own.change(request));
        UserView user = own.read();
        model.addAttribute("saved", saved);
        model.addAttribute("user", user);
        model.addAttribute("values", saved
                ? FormValues.stored().with("email", user.email()).with("callWaiting", user.callWaiting()).with("autoAnswer", user.autoAnswer())
                : FormValues.submitted(http));
        return "portal/me";
    }

    private String page(Model model, long tenantId, UserView user, FormValues values) {
        model.addAttribute("user", user);
        model.addAttribute("values", values);
        model.addAttribute("departments", choices.departments(tenantId));
        model.addAttribute("supervisors", choices.users(tenantId).stream().filter(c -> c.id() != user.id()).toList());
        model.addAttribute("outboundGroups", choices.outboundGroups(tenantId));
        model.addAttribute("callClasses", CallClass.values());
        model.addAttribute("closable", Arrays.stream(Direction.values()).filter(Direction::closable).toList());
        model.addAttribute("recordingModes", RecordingMode.values());
        return "portal/user";
    }

    private static FormValues stored(UserView user) {
        return FormValues.stored()
                .with("name", user.name()).with("departmentId", user.departmentId()).with("email", user.email())
                .with("language", user.language()).with("description", user.description()).with("realNumber", user.realNumber())
                .with("callClass", user.callClass()).with("closedDirections", user.closedDirections())
                .with("outboundEnabled", user.outboundEnabled()).with("needsAccountCode", user.needsAccountCode())
                .with("monthlyQuotaMinutes", user.quota().monthlyMinutes()).with("autoAnswer", user.autoAnswer())
                .with("callWaiting", user.callWaiting()).with("recordingMode", user.recordingMode())
                .with("recordingEmail", user.recordingEmail()).with("supervisorId", user.supervisorId())
                .with("outboundGroupId", user.outboundGroupId());
    }
}
