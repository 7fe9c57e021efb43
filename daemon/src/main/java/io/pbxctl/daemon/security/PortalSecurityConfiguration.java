package io.pbxctl.daemon.security;

import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.portal.PortalLanguages;
import io.pbxctl.daemon.system.PbxProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The web portal's own filter chain, in front of the API's: form login through the same
 * throttled password check as the API, a server-side session (its timeout is
 * server.servlet.session.timeout), CSRF tokens on every form, and logout. The API keeps its
 * stateless HTTP Basic chain untouched.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PortalSecurityConfiguration {

    static final String LOGIN = "/portal/login";

    @Bean
    @Order(1)
    SecurityFilterChain portal(HttpSecurity http, UserDetailsService details, PasswordEncoder encoder, LoginThrottle throttle,
            AuditLog audit, PbxProperties properties, PortalLanguages languages) throws Exception {
        return http
                .securityMatcher("/portal", "/portal/**")
                .authenticationManager(SecurityConfiguration.throttledLogins(details, encoder, throttle, audit, properties))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(LOGIN, "/portal/denied", "/portal/assets/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .loginProcessingUrl(LOGIN)
                        .successHandler((request, response, authentication) -> {
                            languages.applyAtLogin(request, response, (Caller) authentication.getPrincipal());
                            response.sendRedirect(request.getContextPath() + "/portal");
                        })
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath() + LOGIN
                                + (e instanceof LoginThrottledException ? "?locked" : "?error"))))
                .logout(logout -> logout
                        .logoutUrl("/portal/logout")
                        .logoutSuccessUrl(LOGIN + "?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.invalidSessionUrl(LOGIN + "?expired"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/portal/denied"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self';"
                                + " script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
