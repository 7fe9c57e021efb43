package io.pbxctl.daemon.portal;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The portal's language lives in its session; before anyone logs in it follows the browser's
 * preference among the three languages, or a ?lang= link of the login page.
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocaleFunction(request -> {
            Locale preferred = request.getLocale();
            return PortalLanguages.supported(preferred.getLanguage()) ? Locale.forLanguageTag(preferred.getLanguage()) : Locale.ENGLISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor choice = new LocaleChangeInterceptor();
        choice.setParamName("lang");
        choice.setIgnoreInvalidLocale(true);
        registry.addInterceptor(choice).addPathPatterns("/portal/login");
    }
}
