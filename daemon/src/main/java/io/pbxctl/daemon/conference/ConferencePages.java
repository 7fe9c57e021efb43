package io.pbxctl.daemon.conference;

import io.pbxctl.agi.contract.AsteriskNames;
import io.pbxctl.daemon.asterisk.AsteriskManager;
import io.pbxctl.daemon.asterisk.ConferenceParticipant;
import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.portal.FormValues;
import io.pbxctl.daemon.portal.PortalChoices;
import io.pbxctl.daemon.portal.PortalController;
import io.pbxctl.daemon.portal.PortalForms;
import io.pbxctl.daemon.security.Access;
import jakarta.servlet.http.HttpServletRequest;
import io.pbxctl.daemon.tenant.Tenants;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The tenant's conference rooms for its admins: list (with who is in each running room, asked
 * from Asterisk over AMI), create, edit and delete through the API's TenantCrud flow.
 */
@PortalController
class ConferencePages {

    private final TenantCrud crud;
    private final ConferenceRoomResource resource;
    private final Access access;
    private final PortalForms forms;
    private final PortalChoices choices;
    private final AsteriskManager asterisk;
    private final Tenants tenants;

    ConferencePages(TenantCrud crud, ConferenceRoomResource resource, Access access, PortalForms forms, PortalChoices choices,
            AsteriskManager asterisk, Tenants tenants) {
        this.asterisk = asterisk;
        this.tenants = tenants;
        this.crud = crud;
        this.resource = resource;
        this.access = access;
        this.forms = forms;
        this.choices = choices;
    }

    @GetMapping("/portal/conferences")
    String list(Model model) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        model.addAttribute("rooms", crud.list(resource, tenantId, Map.of(), PageRequest.of(0, 500, Sort.by("number")))
                .items());
        model.addAttribute("hosts", choices.users(tenantId));
        String prefix = AsteriskNames.conference(tenants.require(tenantId).getSlug(), "");
        Optional<Map<String, List<ConferenceParticipant>>> live = asterisk.conferences(prefix);
        model.addAttribute("liveKnown", live.isPresent());
        Map<String, List<ConferenceParticipant>> byNumber = new HashMap<>();
        live.ifPresent(rooms -> rooms.forEach((name, participants) -> byNumber.put(name.substring(prefix.length()), participants)));
        model.addAttribute("participants", byNumber);
        return "portal/conferences";
    }

    @GetMapping("/portal/conferences/new")
    String create(Model model) {
        return form(model, null, FormValues.stored());
    }

    @PostMapping("/portal/conferences/new")
    String add(@Valid @ModelAttribute("roomForm") ConferenceRoomRequest request, BindingResult binding, HttpServletRequest http,
            Model model) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        if (forms.submit(binding, model, () -> crud.create(resource, tenantId, request))) {
            return "redirect:/portal/conferences";
        }
        return form(model, null, FormValues.submitted(http));
    }

    @GetMapping("/portal/conferences/{id}")
    String edit(@PathVariable long id, Model model) {
        ConferenceRoomView room = crud.get(resource, PortalChoices.tenantOf(access.caller()), id);
        return form(model, room, FormValues.stored().with("number", room.number()).with("hostUserId", room.hostUserId())
                .with("description", room.description()).with("startTime", room.startTime())
                .with("durationMinutes", room.durationMinutes()).with("pin", room.pin()));
    }

    @PostMapping("/portal/conferences/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("roomForm") ConferenceRoomRequest request, BindingResult binding,
            HttpServletRequest http, Model model) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        if (forms.submit(binding, model, () -> crud.update(resource, tenantId, id, request))) {
            return "redirect:/portal/conferences";
        }
        return form(model, crud.get(resource, tenantId, id), FormValues.submitted(http));
    }

    @PostMapping("/portal/conferences/{id}/delete")
    String delete(@PathVariable long id) {
        crud.delete(resource, PortalChoices.tenantOf(access.caller()), id);
        return "redirect:/portal/conferences";
    }

    private String form(Model model, ConferenceRoomView room, FormValues values) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        access.requireTenantAdmin(tenantId);
        model.addAttribute("room", room);
        model.addAttribute("values", values);
        model.addAttribute("hosts", choices.users(tenantId));
        return "portal/conference";
    }
}
