package ru.profkom.shared.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import ru.profkom.shared.ProfkomException;

/**
 * Puts a refusal's problems into a form's model: {@code fieldErrors} by field and {@code formErrors} for the rest;
 * {@link #attempt} gathers a form's unreadable fields and its action's refusals into one refusal.
 */
@Component
public class FormErrors {

    private final MessageSource messages;

    private final TransactionTemplate transactions;

    FormErrors(MessageSource messages, PlatformTransactionManager transactionManager) {
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
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

    /**
     * Runs a form's action. When some of the form's fields could not be read, the action still runs, with those
     * fields empty, in a transaction that is always rolled back: what it refuses is shown together with the
     * unreadable fields, so that one malformed date does not hide the form's other mistakes, and nothing is kept.
     * A refusal of access (not found, forbidden) is thrown as it is.
     */
    public <T> T attempt(FormInput input, Supplier<T> action) {
        if (!input.hasProblems()) {
            return action.get();
        }
        List<ProfkomException.Problem> all = new ArrayList<>(input.problems());
        Set<String> unreadable = new HashSet<>();
        input.problems().forEach(problem -> unreadable.add(problem.field()));
        ProfkomException[] denied = new ProfkomException[1];
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                action.get();
            } catch (ProfkomException refusal) {
                if (refusal.kind() == ProfkomException.Kind.NOT_FOUND
                        || refusal.kind() == ProfkomException.Kind.FORBIDDEN) {
                    denied[0] = refusal;
                } else if (refusal.kind() == ProfkomException.Kind.INVALID) {
                    refusal.problems().stream()
                            .filter(problem -> !unreadable.contains(problem.field()))
                            .forEach(all::add);
                }
            }
        });
        if (denied[0] != null) {
            throw denied[0];
        }
        throw new ProfkomException(ProfkomException.Kind.INVALID, all);
    }

    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
