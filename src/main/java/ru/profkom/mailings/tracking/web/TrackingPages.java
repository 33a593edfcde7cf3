package ru.profkom.mailings.tracking.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import ru.profkom.mailings.tracking.Tracker;

/**
 * The addresses an e-mail's recipient reaches without signing in: a tracked link (302 to the original), the open
 * pixel, and the unsubscribe link, which a mail client posts to with {@code List-Unsubscribe=One-Click} (RFC 8058:
 * no page, the consent is withdrawn) and a person opens to a Russian confirmation with one button. A forged or
 * changed token is «not found».
 */
@Controller
class TrackingPages {

    /** A transparent 1×1 GIF. */
    static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final Tracker tracker;

    TrackingPages(Tracker tracker) {
        this.tracker = tracker;
    }

    @GetMapping("/m/c/{token}")
    String click(
            @PathVariable String token,
            @RequestParam(name = "u", required = false) String url,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<String> target =
                tracker.click(token, url, request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr());
        if (target.isEmpty()) {
            return missing(response, model);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setStatus(HttpStatus.FOUND.value());
        response.setHeader(HttpHeaders.LOCATION, target.get());
        return null;
    }

    @GetMapping("/m/o/{token}.gif")
    @ResponseBody
    ResponseEntity<byte[]> open(@PathVariable String token, HttpServletRequest request) {
        if (!tracker.open(token, request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr())) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_GIF)
                .cacheControl(CacheControl.noStore())
                .body(PIXEL);
    }

    @GetMapping("/m/u/{token}")
    String unsubscribePage(@PathVariable String token, HttpServletResponse response, Model model) {
        Optional<Tracker.UnsubscribeLink> link = tracker.unsubscribeLink(token);
        if (link.isEmpty()) {
            return missing(response, model);
        }
        model.addAttribute("state", link.get().done() ? "DONE" : "CONFIRM");
        model.addAttribute("address", link.get().maskedAddress());
        model.addAttribute("token", token);
        return "mailings/tracking";
    }

    /**
     * The one-click POST of a mail client ({@code List-Unsubscribe=One-Click} in the body) is answered with no
     * page; the page's button ({@code confirm}) with the page that says it is done.
     */
    @PostMapping("/m/u/{token}")
    String unsubscribe(
            @PathVariable String token,
            @RequestParam(name = "List-Unsubscribe", required = false) String oneClick,
            HttpServletResponse response,
            Model model) {
        boolean ours = tracker.unsubscribe(token);
        if ("One-Click".equals(oneClick)) {
            response.setStatus(ours ? HttpStatus.NO_CONTENT.value() : HttpStatus.NOT_FOUND.value());
            return null;
        }
        if (!ours) {
            return missing(response, model);
        }
        model.addAttribute("state", "DONE");
        model.addAttribute(
                "address",
                tracker.unsubscribeLink(token)
                        .map(Tracker.UnsubscribeLink::maskedAddress)
                        .orElse(""));
        model.addAttribute("token", token);
        return "mailings/tracking";
    }

    private static String missing(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("state", "MISSING");
        return "mailings/tracking";
    }
}
