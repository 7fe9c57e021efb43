package io.pbxctl.daemon.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A user's web login (tenant admins) and the caller's own account. */
@RestController
@Tag(name = "Logins")
class LoginController {

    private final Logins logins;
    private final Access access;

    LoginController(Logins logins, Access access) {
        this.logins = logins;
        this.access = access;
    }

    @PutMapping("/api/v1/tenants/{tenantId}/users/{userId}/login")
    @Operation(summary = "Create or change a user's web login (username, role, and a password when creating or resetting)")
    Map<String, Object> put(@PathVariable long tenantId, @PathVariable long userId, @Valid @RequestBody LoginRequest request) {
        return logins.put(tenantId, userId, request);
    }

    @DeleteMapping("/api/v1/tenants/{tenantId}/users/{userId}/login")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long tenantId, @PathVariable long userId) {
        logins.delete(tenantId, userId);
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who the caller is: login name, role, tenant and user")
    Me me() {
        Caller caller = access.caller();
        return new Me(caller.username(), caller.role(), caller.tenantId(), caller.userId());
    }

    /** The caller as the API knows them. */
    record Me(String username, Role role, Long tenantId, Long userId) {
    }

    @PutMapping("/api/v1/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody PasswordChange change) {
        logins.changeOwnPassword(change);
    }
}
