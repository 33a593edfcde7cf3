package ru.profkom.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat answers some requests before the application sees them (an address with {@code %zz} or an encoded
 * slash, a request line it cannot read) with its own English page. This replaces that page with a short Russian
 * one, or a Russian problem detail under {@code /api/}. Everything the application can answer goes through
 * {@link ErrorPages} instead.
 */
@Component
class RussianErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Locale RUSSIAN = WebConfiguration.RUSSIAN;

    private final MessageSource messages;

    RussianErrorReports(MessageSource messages) {
        this.messages = messages;
    }

    /** After Boot's own customizer, which adds Tomcat's English valve to the host. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new RussianValve(messages));
                host.setErrorReportValveClass(RussianValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, in Russian and without the server's name. */
    public static class RussianValve extends ErrorReportValve {

        private final MessageSource messages;

        /** Tomcat instantiates the host's error valve by class name when none is present. */
        public RussianValve() {
            this(null);
        }

        RussianValve(MessageSource messages) {
            this.messages = messages;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String title = text(ErrorPages.titleKey(status), text("error.title", "Ошибка"));
            String detail = text(ErrorPages.reasonKey(status), text("error.generic", "Ошибка"));
            String uri = request.getRequestURI();
            boolean api = uri != null && uri.startsWith("/api/");
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setLocale(RUSSIAN);
                Writer writer;
                if (api) {
                    response.setContentType("application/problem+json");
                    writer = response.getReporter();
                    if (writer != null) {
                        writer.write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status
                                + ",\"detail\":\"" + json(detail) + "\",\"errors\":[{\"field\":\"\",\"message\":\""
                                + json(detail) + "\"}]}");
                    }
                } else {
                    response.setContentType("text/html");
                    writer = response.getReporter();
                    if (writer != null) {
                        writer.write("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>"
                                + HtmlUtils.htmlEscape(title) + " · Профком</title></head><body><main><h1>"
                                + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(detail)
                                + "</p><p><a href=\"/\">" + HtmlUtils.htmlEscape(text("error.backHome", "На главную"))
                                + "</a></p></main></body></html>");
                    }
                }
                if (writer != null) {
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // The client went away, or the response was already on its way: nothing more to tell.
            }
        }

        private String text(String key, String fallback) {
            return messages == null ? fallback : messages.getMessage(key, null, fallback, RUSSIAN);
        }

        private static String json(String text) {
            return text.replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }
}
