package ru.profkom.mailings.web;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.channels.MemberChannels;
import ru.profkom.members.Consent;
import ru.profkom.members.Member;
import ru.profkom.members.MemberCabinet;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.Texts;

/**
 * «Каналы связи» in the member's cabinet: every channel with its address and the consent it needs, linking and
 * unlinking Telegram (the bot's one-time deep link) and VK (checked with VK that the community may write). The
 * person is always the signed-in member's (MemberCabinet), never one named in the request.
 */
@Controller
class MemberChannelPages {

    private final MemberCabinet cabinet;
    private final MemberChannels channels;
    private final Texts formErrors;

    MemberChannelPages(MemberCabinet cabinet, MemberChannels channels, Texts formErrors) {
        this.cabinet = cabinet;
        this.channels = channels;
        this.formErrors = formErrors;
    }

    /** One row of the page. */
    record ChannelRow(
            Channel channel,
            String address,
            boolean linkable,
            boolean linked,
            ConsentPurpose purpose,
            boolean consented) {}

    @GetMapping("/cabinet/channels")
    String page(Model model) {
        if (!cabinet.linked()) {
            return "members/cabinet-not-linked";
        }
        Member member = cabinet.me();
        Map<Channel, String> links = channels.linksOf(member.id());
        model.addAttribute(
                "rows",
                List.of(
                        row(member, Channel.EMAIL, member.email(), false, ConsentPurpose.EMAIL),
                        row(member, Channel.SMS, member.phone(), false, ConsentPurpose.SMS),
                        row(member, Channel.TELEGRAM, links.get(Channel.TELEGRAM), true, ConsentPurpose.MESSENGER),
                        row(member, Channel.VK, links.get(Channel.VK), true, ConsentPurpose.MESSENGER)));
        model.addAttribute("telegramAvailable", channels.telegramAvailable());
        model.addAttribute("vkAvailable", channels.vkAvailable());
        model.addAttribute("vkCommunityUrl", channels.vkCommunityUrl());
        return "mailings/channels";
    }

    @PostMapping("/cabinet/channels/telegram")
    String linkTelegram(RedirectAttributes redirect) {
        long personId = cabinet.me().id();
        try {
            redirect.addFlashAttribute("telegramLink", channels.telegramLink(personId));
        } catch (ProfkomException e) {
            redirect.addFlashAttribute("formErrors", formErrors.texts(e));
        }
        return "redirect:/cabinet/channels";
    }

    @PostMapping("/cabinet/channels/vk")
    String linkVk(@RequestParam(defaultValue = "") String vkId, RedirectAttributes redirect) {
        long personId = cabinet.me().id();
        try {
            channels.linkVk(personId, vkId);
            redirect.addFlashAttribute("flash", formErrors.text("mailing.channels.vk.linked"));
        } catch (ProfkomException e) {
            redirect.addFlashAttribute("formErrors", formErrors.texts(e));
            redirect.addFlashAttribute("vkId", vkId);
        }
        return "redirect:/cabinet/channels";
    }

    @PostMapping("/cabinet/channels/{channel}/unlink")
    String unlink(@PathVariable String channel, RedirectAttributes redirect) {
        Channel which = switch (channel) {
            case "telegram" -> Channel.TELEGRAM;
            case "vk" -> Channel.VK;
            default -> throw ProfkomException.notFound("mailing.channels.unknown");
        };
        channels.unlink(cabinet.me().id(), which);
        redirect.addFlashAttribute("flash", formErrors.text("mailing.channels.unlinked"));
        return "redirect:/cabinet/channels";
    }

    private static ChannelRow row(
            Member member, Channel channel, String address, boolean linkable, ConsentPurpose purpose) {
        boolean consented = member.consents().stream().filter(Consent::active).anyMatch(c -> c.purpose() == purpose);
        return new ChannelRow(channel, address, linkable, address != null && !address.isBlank(), purpose, consented);
    }
}
