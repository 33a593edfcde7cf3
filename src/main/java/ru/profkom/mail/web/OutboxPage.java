package ru.profkom.mail.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import ru.profkom.mail.MailOutbox;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Role;
import ru.profkom.shared.web.Paged;

/** The union administrator's view of the outbox: what was sent, what waits, what failed. */
@Controller
class OutboxPage {

    private final MailOutbox outbox;
    private final CurrentActor currentActor;

    OutboxPage(MailOutbox outbox, CurrentActor currentActor) {
        this.outbox = outbox;
        this.currentActor = currentActor;
    }

    @GetMapping("/admin/mail")
    String outbox(@Paged(size = 50) PageRequest page, Model model) {
        if (!currentActor.get().holds(Role.UNION_ADMIN)) {
            throw ProfkomException.forbidden("access.denied");
        }
        model.addAttribute("messages", outbox.recent(page));
        return "mail/outbox";
    }
}
