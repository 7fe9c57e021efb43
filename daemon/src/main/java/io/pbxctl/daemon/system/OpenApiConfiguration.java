package io.pbxctl.daemon.system;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Describes the API and its HTTP Basic login, so that the browsable UI can send credentials. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "pbxctl admin API", version = "v1",
                description = "Tenants, people, extensions, devices, call rights, account codes, numbering plans, trunks, "
                        + "inbound numbers and conference rooms of a hosted Asterisk PBX. Errors are application/problem+json."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfiguration {
}
