package ru.profkom.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomException.Kind;

/**
 * Turns a refusal into what the form being answered shows: its problems by field ({@code fieldErrors}) and for the
 * whole form ({@code formErrors}) on the re-rendered form, or as texts flashed to the page a redirect leads to. The
 * one rule of which refusal belongs on a form is here: a mistake in what was entered or a state that forbids the
 * action (invalid, conflict, too large) is the form's; a refusal of access (not found, forbidden) is not, and goes
 * on to the error page with 404 or 403, so that a form never tells what lies outside the user's subtree.
 *
 * <p>A re-rendered form answers 200, since it is the page the user works on (and htmx swaps only a successful
 * answer); a refused upload answers 413 so that a client sending a file learns that the body was too large.
 */
@Component
public class FormRefusals {

    private static final Set<Kind> ON_FORM = EnumSet.of(Kind.INVALID, Kind.CONFLICT, Kind.TOO_LARGE);

    private final Texts texts;

    private final TransactionTemplate transactions;

    FormRefusals(Texts texts, PlatformTransactionManager transactionManager) {
        this.texts = texts;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Whether a refusal of this kind is shown on the form rather than on the error page. */
    public static boolean belongsOnForm(Kind kind) {
        return ON_FORM.contains(kind);
    }

    /** The status of the re-rendered form that shows a refusal of this kind. */
    public static int formStatus(Kind kind) {
        return kind == Kind.TOO_LARGE ? kind.status : HttpServletResponse.SC_OK;
    }

    /**
     * Puts the refusal's problems into the model of the form about to be re-rendered; a refusal of access is thrown
     * on to the error page.
     */
    public void show(Model model, ProfkomException refusal) {
        if (!belongsOnForm(refusal.kind())) {
            throw refusal;
        }
        putInto(model, refusal);
    }

    /**
     * For a form that names another organization by its number (the new parent of a move, the target of a merge):
     * a chosen one that is not found, or not visible to the user, is a mistake of the form and shown on it, in the
     * same words a missing page would use. Only a refusal to act at all goes on to the error page.
     */
    public void showWithChoiceNotFound(Model model, ProfkomException refusal) {
        if (!belongsOnForm(refusal.kind()) && refusal.kind() != Kind.NOT_FOUND) {
            throw refusal;
        }
        putInto(model, refusal);
    }

    /**
     * Flashes the refusal's problems as texts under {@code attribute} for the page the action redirects to; a
     * refusal of access is thrown on to the error page.
     */
    public void flash(RedirectAttributes redirect, String attribute, ProfkomException refusal) {
        if (!belongsOnForm(refusal.kind())) {
            throw refusal;
        }
        redirect.addFlashAttribute(attribute, texts.texts(refusal));
    }

    private void putInto(Model model, ProfkomException refusal) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (ProfkomException.Problem problem : refusal.problems()) {
            String text = texts.text(problem.messageKey(), problem.arguments());
            if (problem.field() == null || problem.field().isEmpty()) {
                general.add(text);
            } else {
                byField.merge(problem.field(), text, (a, b) -> a + " " + b);
            }
        }
        model.addAttribute("fieldErrors", byField);
        model.addAttribute("formErrors", general);
        int status = formStatus(refusal.kind());
        if (status != HttpServletResponse.SC_OK
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getResponse() != null) {
            request.getResponse().setStatus(status);
        }
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
                if (!belongsOnForm(refusal.kind())) {
                    denied[0] = refusal;
                } else if (refusal.kind() == Kind.INVALID) {
                    refusal.problems().stream()
                            .filter(problem -> !unreadable.contains(problem.field()))
                            .forEach(all::add);
                }
            }
        });
        if (denied[0] != null) {
            throw denied[0];
        }
        throw new ProfkomException(Kind.INVALID, all);
    }
}
