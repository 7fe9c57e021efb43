package io.pbxctl.daemon.device;

import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.portal.FormValues;
import io.pbxctl.daemon.portal.PortalChoices;
import io.pbxctl.daemon.portal.PortalController;
import io.pbxctl.daemon.portal.PortalForms;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.security.Caller;
import io.pbxctl.daemon.security.Role;
import io.pbxctl.daemon.system.Forbidden;
import io.pbxctl.daemon.user.UserRepository;
import io.pbxctl.daemon.system.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A user's devices for the tenant's admins (add, delete, show login details), and a person's
 * own devices with their login details. Reveals go through DeviceLogins, which audits each one.
 */
@PortalController
class DevicePages {

    private final TenantCrud crud;
    private final DeviceResource resource;
    private final DeviceRepository devices;
    private final DeviceLogins logins;
    private final UserRepository users;
    private final Access access;
    private final PortalForms forms;

    DevicePages(TenantCrud crud, DeviceResource resource, DeviceRepository devices, DeviceLogins logins, UserRepository users,
            Access access, PortalForms forms) {
        this.crud = crud;
        this.resource = resource;
        this.devices = devices;
        this.logins = logins;
        this.users = users;
        this.access = access;
        this.forms = forms;
    }

    @GetMapping("/portal/users/{userId}/devices")
    String list(@PathVariable long userId, Model model) {
        return page(model, userId, FormValues.stored().with("kind", DeviceKind.SOFTPHONE));
    }

    @PostMapping("/portal/users/{userId}/devices")
    String add(@PathVariable long userId, @Valid @ModelAttribute("deviceForm") DeviceRequest request, BindingResult binding,
            HttpServletRequest http, Model model) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        boolean added = forms.submit(binding, model, () -> crud.create(resource, tenantId, request));
        model.addAttribute("saved", added);
        return page(model, userId, added ? FormValues.stored().with("kind", DeviceKind.SOFTPHONE) : FormValues.submitted(http));
    }

    @PostMapping("/portal/devices/{id}/delete")
    String delete(@PathVariable long id) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        DeviceView device = crud.get(resource, tenantId, id);
        crud.delete(resource, tenantId, id);
        return "redirect:/portal/users/" + device.userId() + "/devices";
    }

    @GetMapping("/portal/me/devices")
    String mine(Model model) {
        Caller caller = access.caller();
        if (caller.userId() == null || caller.role() == Role.BILLING_VIEWER) {
            throw new Forbidden("this login has no devices");
        }
        Specification<Device> own = (root, query, cb) -> cb.and(cb.equal(root.get("tenantId"), caller.tenantId()),
                cb.equal(root.get("userId"), caller.userId()));
        model.addAttribute("devices", devices.findAll(own, Sort.by("sipUsername")).stream().map(resource::view).toList());
        return "portal/my-devices";
    }

    /** A POST, like the API's, so that no cache or prefetch keeps the password; the page itself is sent with no-store. */
    @PostMapping("/portal/devices/{id}/login-details")
    String loginDetails(@PathVariable long id, Model model) {
        model.addAttribute("details", logins.reveal(PortalChoices.tenantOf(access.caller()), id));
        return "portal/device-login";
    }

    private String page(Model model, long userId, FormValues values) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        List<DeviceView> list = crud.list(resource, tenantId, Map.of("userId", Long.toString(userId)),
                Pageable.ofSize(500).withPage(0)).items();
        model.addAttribute("owner", users.findByIdAndTenantId(userId, tenantId).orElseThrow(() -> new NotFound("user", userId)));
        model.addAttribute("devices", list);
        model.addAttribute("kinds", DeviceKind.values());
        model.addAttribute("values", values);
        return "portal/devices";
    }
}
