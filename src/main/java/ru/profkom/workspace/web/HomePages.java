package ru.profkom.workspace.web;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.RoleGrantView;
import ru.profkom.workspace.Home;
import ru.profkom.workspace.Notifications;

/** The home of a signed-in person, the notifications list, the bell's fragment and the digest switch. */
@Controller
class HomePages {

    static final int HOME_TASKS = 30;

    private final Accounts accounts;
    private final Home home;
    private final Notifications notifications;

    HomePages(Accounts accounts, Home home, Notifications notifications) {
        this.accounts = accounts;
        this.home = home;
        this.notifications = notifications;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) Long org, Model model) {
        List<RoleGrantView> grants = accounts.myGrants();
        model.addAttribute("me", accounts.me());
        model.addAttribute("grants", grants);
        model.addAttribute("tasks", home.tasks(HOME_TASKS));
        Optional<Home.OrganizationHome> current = home.organization(org);
        model.addAttribute("current", current.orElse(null));
        return "workspace/home";
    }

    @GetMapping("/notifications")
    String list(Model model) {
        model.addAttribute("notifications", notifications.mine());
        return "workspace/notifications";
    }

    @GetMapping("/notifications/bell")
    String bell(Model model) {
        model.addAttribute("unread", notifications.unreadCount());
        return "workspace/bell";
    }

    @PostMapping("/notifications/read")
    String markRead(@RequestParam(required = false) String key) {
        notifications.markRead(key == null || key.isBlank() ? null : key);
        return "redirect:/notifications";
    }

    @PostMapping("/me/digest")
    String digest(@RequestParam(defaultValue = "false") boolean enabled) {
        notifications.setDigestEnabled(enabled);
        return "redirect:/me";
    }
}
