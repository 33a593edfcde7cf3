package ru.profkom.channelregistry;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.profkom.shared.Validation;

/**
 * The checks of a channel's form, every problem of one request reported together with its field, and the API id
 * a connected channel is read with, derived from its address ({@code https://t.me/name} → {@code @name},
 * {@code vk.com/club123} → {@code 123}, {@code vk.com/name} → {@code name}).
 */
public final class ChannelRules {

    public static final int MAX_SUBSCRIBERS = 100_000_000;

    private static final Pattern TELEGRAM =
            Pattern.compile("(?i)^(?:https?://)?(?:t\\.me|telegram\\.me)/([A-Za-z0-9_]{4,})/?$");
    private static final Pattern TELEGRAM_HANDLE = Pattern.compile("^@([A-Za-z0-9_]{4,})$");
    private static final Pattern VK =
            Pattern.compile("(?i)^(?:https?://)?(?:m\\.)?vk\\.(?:com|ru)/([A-Za-z0-9_.]+)/?$");
    private static final Pattern VK_NUMERIC = Pattern.compile("(?i)^(?:club|public|event)(\\d+)$");
    private static final Pattern API_TARGET = Pattern.compile("^(@?[A-Za-z0-9_.]+|-?\\d+)$");
    private static final Pattern ADDRESS = Pattern.compile("^(https?://)?[^\\s/]+\\.[^\\s]+$|^@[A-Za-z0-9_]+$");

    private ChannelRules() {}

    /** The form with its texts trimmed and the id derived, or a refusal naming every wrong field. */
    public static ChannelForm check(ChannelForm form) {
        String address = strip(form.address());
        String name = strip(form.name());
        String apiTarget = strip(form.apiTarget());
        Validation validation = new Validation();
        if (form.kind() == null) {
            validation.reject("kind", "validation.required");
        }
        validation.required("address", address).maxLength("address", address, 300);
        if (!address.isEmpty() && !ADDRESS.matcher(address).matches()) {
            validation.reject("address", "channels.address.invalid");
        }
        validation.required("name", name).maxLength("name", name, 200);
        validation.maxLength("apiTarget", apiTarget, 100);
        if (!apiTarget.isEmpty() && !API_TARGET.matcher(apiTarget).matches()) {
            validation.reject("apiTarget", "channels.apiTarget.invalid");
        }
        if (apiTarget.isEmpty() && form.kind() != null) {
            apiTarget = derivedId(form.kind(), address);
        }
        if (form.connected() && form.kind() != null) {
            if (!form.kind().readable()) {
                validation.reject("connected", "channels.connected.notReadable");
            } else if (apiTarget.isEmpty()) {
                validation.reject("apiTarget", "channels.apiTarget.required");
            }
        }
        validation.throwIfInvalid();
        return new ChannelForm(form.kind(), address, name, apiTarget.isEmpty() ? null : apiTarget, form.connected());
    }

    /** A hand-entered count: required, from 0 to 100 million. */
    public static void checkCount(Integer subscribers) {
        Validation validation = new Validation();
        if (subscribers == null) {
            validation.reject("subscribers", "validation.required");
        } else if (subscribers < 0) {
            validation.reject("subscribers", "channels.subscribers.negative");
        } else if (subscribers > MAX_SUBSCRIBERS) {
            validation.reject("subscribers", "channels.subscribers.tooMany", MAX_SUBSCRIBERS);
        }
        validation.throwIfInvalid();
    }

    /** The id the API knows the channel by, from its address; empty when the address does not say it. */
    static String derivedId(ChannelKind kind, String address) {
        if (kind.telegram()) {
            Matcher link = TELEGRAM.matcher(address);
            if (link.matches()) {
                return "@" + link.group(1);
            }
            Matcher handle = TELEGRAM_HANDLE.matcher(address);
            return handle.matches() ? address : "";
        }
        if (kind == ChannelKind.VK_COMMUNITY) {
            Matcher link = VK.matcher(address);
            if (link.matches()) {
                Matcher numeric = VK_NUMERIC.matcher(link.group(1));
                return numeric.matches() ? numeric.group(1) : link.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
