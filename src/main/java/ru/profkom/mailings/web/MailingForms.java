package ru.profkom.mailings.web;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import ru.profkom.mailings.Audience;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.Delivery;
import ru.profkom.mailings.MailingForm;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Validation;

/**
 * The mailing form's parameters read into a {@link MailingForm}, and back into the values the page shows: one
 * reader for the page and the live count, each wrong value refused with its field named.
 */
final class MailingForms {

    private MailingForms() {}

    /** The audience of the parameters alone, for the live count and the saving of an audience. */
    static Audience audience(MultiValueMap<String, String> parameters) {
        Validation validation = new Validation();
        Audience audience = audience(parameters, validation);
        validation.throwIfInvalid();
        return audience;
    }

    static Audience audience(MultiValueMap<String, String> parameters, Validation validation) {
        return new Audience(
                values(parameters, "kinds", OrganizationKind.class),
                values(parameters, "roles", UnionRole.class),
                values(parameters, "categories", Category.class),
                values(parameters, "statuses", MembershipStatus.class),
                age(parameters, "minAge", validation),
                age(parameters, "maxAge", validation));
    }

    static Set<Channel> channels(MultiValueMap<String, String> parameters) {
        return values(parameters, "channels", Channel.class);
    }

    static Delivery delivery(MultiValueMap<String, String> parameters) {
        return "FIRST_AVAILABLE".equals(parameters.getFirst("delivery"))
                ? Delivery.FIRST_AVAILABLE
                : Delivery.ALL_CHANNELS;
    }

    static MailingForm form(MultiValueMap<String, String> parameters) {
        Validation validation = new Validation();
        Audience audience = audience(parameters, validation);
        Map<Channel, String> texts = new EnumMap<>(Channel.class);
        for (Channel channel : channels(parameters)) {
            String text = parameters.getFirst("text." + channel.name());
            texts.put(channel, text == null ? "" : text);
        }
        java.time.Instant sendAt = null;
        String start = text(parameters, "sendAt");
        if (!start.isEmpty()) {
            try {
                sendAt = LocalDateTime.parse(start).atZone(MoscowTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                validation.reject("sendAt", "mailing.form.badDateTime");
            }
        }
        LocalTime windowStart = time(parameters, "windowStart", validation);
        LocalTime windowEnd = time(parameters, "windowEnd", validation);
        validation.throwIfInvalid();
        return new MailingForm(
                text(parameters, "title"),
                audience,
                delivery(parameters),
                blankToNull(parameters.getFirst("subject")),
                blankToNull(parameters.getFirst("html")),
                texts,
                sendAt,
                windowStart,
                windowEnd);
    }

    /** The values a saved form shows again, as the inputs name them. */
    static Map<String, Object> values(MailingForm form) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", form.title());
        values.put("kinds", names(form.audience().kinds()));
        values.put("roles", names(form.audience().roles()));
        values.put("categories", names(form.audience().categories()));
        values.put("statuses", names(form.audience().statuses()));
        values.put(
                "minAge",
                form.audience().minAge() == null ? "" : form.audience().minAge().toString());
        values.put(
                "maxAge",
                form.audience().maxAge() == null ? "" : form.audience().maxAge().toString());
        values.put("delivery", form.delivery().name());
        values.put("channels", names(form.texts().keySet()));
        values.put("subject", form.subject() == null ? "" : form.subject());
        values.put("html", form.html() == null ? "" : form.html());
        for (Channel channel : Channel.values()) {
            values.put("text." + channel.name(), form.texts().getOrDefault(channel, ""));
        }
        values.put(
                "sendAt",
                form.sendAt() == null
                        ? ""
                        : LocalDateTime.ofInstant(form.sendAt(), MoscowTime.ZONE)
                                .withSecond(0)
                                .withNano(0)
                                .toString());
        values.put(
                "windowStart",
                form.windowStart() == null ? "" : form.windowStart().toString());
        values.put("windowEnd", form.windowEnd() == null ? "" : form.windowEnd().toString());
        return values;
    }

    /** The raw parameters shown again after a refusal: lists for the checkboxes, the first value otherwise. */
    static Map<String, Object> values(MultiValueMap<String, String> parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach((name, list) -> values.put(
                name,
                List.of("kinds", "roles", "categories", "statuses", "channels").contains(name)
                        ? List.copyOf(list)
                        : list.isEmpty() ? "" : list.getFirst()));
        for (String multiple : List.of("kinds", "roles", "categories", "statuses", "channels")) {
            values.putIfAbsent(multiple, List.of());
        }
        return values;
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    private static <E extends Enum<E>> Set<E> values(
            MultiValueMap<String, String> parameters, String name, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (String value : parameters.getOrDefault(name, List.of())) {
            for (E candidate : type.getEnumConstants()) {
                if (candidate.name().equals(value)) {
                    values.add(candidate);
                }
            }
        }
        return values;
    }

    private static Integer age(MultiValueMap<String, String> parameters, String name, Validation validation) {
        String value = text(parameters, name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            validation.reject(name, "mailing.audience.ageRange", Audience.MAX_AGE);
            return null;
        }
    }

    private static LocalTime time(MultiValueMap<String, String> parameters, String name, Validation validation) {
        String value = text(parameters, name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            validation.reject(name, "mailing.form.badTime");
            return null;
        }
    }

    private static String text(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
