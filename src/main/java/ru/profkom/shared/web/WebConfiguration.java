package ru.profkom.shared.web;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Russian first whatever the browser says; {@code ?lang=en} switches to English and is remembered, a language
 * that cannot be read is ignored. No request parameter may carry a control character ({@link ControlCharacters}).
 * Every list reads its page through {@link PageRequests}.
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
        ResourceBundleMessageSource source = new UnsharedFormatsMessageSource();
        source.setBasenames(basenames);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(RUSSIAN);
        return source;
    }

    /**
     * Formats a message with arguments on a copy of its parsed pattern. Spring keeps one {@link MessageFormat}
     * per message and language and formats under its lock, so every request rendering, say, «Фотографий: {0}»
     * waited for every other one: under load most threads of a public page stood blocked there. A copy costs
     * a few arrays; parsing stays cached.
     */
    static final class UnsharedFormatsMessageSource extends ResourceBundleMessageSource {
        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            MessageFormat shared = super.resolveCode(code, locale);
            return shared == null ? null : (MessageFormat) shared.clone();
        }
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("profkom-lang");
        resolver.setDefaultLocale(RUSSIAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Leaves the links of pages as written. With the webjars locator on the classpath Boot turns the resource
     * chain on, and with it Thymeleaf's {@link ResourceUrlEncodingFilter}, which passes every link of every page
     * (each news item, album, pager and menu entry) through the static resource resolvers. A link that is not a
     * static file is looked up again on the classpath each time, inside the packaged jar (only found files are
     * cached): that was most of the CPU of a public page (35 requests/s for an organization's home). The
     * version-free webjar addresses of the layouts are still resolved when the browser asks for the file.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PageRequests());
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
