package ru.profkom.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Russian first whatever the browser says; {@code ?lang=en} switches to English and is remembered, a language
 * that cannot be read is ignored. No request parameter may carry a control character ({@link ControlCharacters}).
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * One bundle per module, Russian and English; anything else falls back to Russian. Declared
     * here because Boot only configures bundles that have a language-less base file.
     */
    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename}") String[] basenames) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(RUSSIAN);
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("profkom-lang");
        resolver.setDefaultLocale(RUSSIAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        // ?lang=% is a typo or a probe, not a reason to fail the page: the language stays as it was.
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
