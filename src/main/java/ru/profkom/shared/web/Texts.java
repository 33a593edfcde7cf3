package ru.profkom.shared.web;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import ru.profkom.shared.ProfkomException;

/**
 * The message resolver of the web layer: a message key, or every problem of a refusal, as text in the language of
 * the current request (Russian unless the user chose English). A key the bundles lack is shown as the key itself,
 * so that a missing text is visible instead of silently empty.
 */
@Component
public class Texts {

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    /** Every problem of a refusal as text, for pages that show it after a redirect. */
    public List<String> texts(ProfkomException refusal) {
        return refusal.problems().stream()
                .map(problem -> text(problem.messageKey(), problem.arguments()))
                .toList();
    }
}
