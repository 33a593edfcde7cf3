package ru.profkom.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import ru.profkom.shared.ProfkomException;

/** Puts a refusal's problems into a form's model: {@code fieldErrors} by field and {@code formErrors} for the rest. */
@Component
public class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    public void show(Model model, ProfkomException exception) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new java.util.ArrayList<>();
        for (ProfkomException.Problem problem : exception.problems()) {
            String text = messages.getMessage(
                    problem.messageKey(), problem.arguments(), problem.messageKey(), LocaleContextHolder.getLocale());
            if (problem.field() == null || problem.field().isEmpty()) {
                general.add(text);
            } else {
                byField.merge(problem.field(), text, (a, b) -> a + " " + b);
            }
        }
        model.addAttribute("fieldErrors", byField);
        model.addAttribute("formErrors", general);
    }

    /** Every problem of a refusal as text, for pages that show it after a redirect. */
    public List<String> texts(ProfkomException exception) {
        return exception.problems().stream()
                .map(problem -> text(problem.messageKey(), problem.arguments()))
                .toList();
    }

    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
