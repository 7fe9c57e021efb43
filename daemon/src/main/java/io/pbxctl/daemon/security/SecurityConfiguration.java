package io.pbxctl.daemon.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxctl.daemon.audit.AuditLog;
import java.time.Clock;
import io.pbxctl.daemon.system.PbxProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is stateless HTTP Basic (meant to run behind TLS): every request carries its
 * credentials, which suits scripts. Only health, the API description and recording download
 * links (their token is the credential) are public.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    UserDetailsService loginDetails(WebLoginRepository logins) {
        return username -> logins.findByUsername(username)
                .map(login -> new Caller(login.getUsername(), login.getPasswordHash(), login.getRole(), login.getTenantId(), login.getUserId()))
                .orElseThrow(() -> new UsernameNotFoundException("no such login"));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, UserDetailsService details, PasswordEncoder encoder, LoginThrottle throttle,
            AuditLog audit, ObjectMapper json, PbxProperties properties) throws Exception {
        ProviderManager manager = throttledLogins(details, encoder, throttle, audit, properties);
        ProblemEntryPoint problems = new ProblemEntryPoint(json);
        return http
                .authenticationManager(manager)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        // A recording's mailed link carries its own expiring random token instead of a login.
                        .requestMatchers(HttpMethod.GET, "/recordings/download/*").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** Password checks behind one shared throttle, so the API and the portal count the same failures. */
    static ProviderManager throttledLogins(UserDetailsService details, PasswordEncoder encoder, LoginThrottle throttle, AuditLog audit,
            PbxProperties properties) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(details);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, details,
                new VerifiedPasswords(properties.logins().verifiedPasswordLifetime(), Clock.systemUTC()), throttle, audit, properties.logins()));
    }
}
