package ru.profkom.organizations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import ru.profkom.organizations.OrganizationEvents.FieldChange;
import ru.profkom.shared.Validation;

/** The rules of an organization's form, without Spring: what a valid form is and what an update changed. */
final class OrganizationRules {

    private OrganizationRules() {}

    /**
     * The form as stored (blanks as null, spaces normalized, the phone in its canonical form), or a refusal naming
     * every problem of the form at once. {@code codeTaken} is asked only about a well-formed code.
     */
    static OrganizationForm check(OrganizationForm form, Predicate<String> codeTaken) {
        Validation validation = new Validation();
        String code = blankToNull(form.code());
        String fullName = normalize(form.fullName());
        String shortName = normalize(form.shortName());
        validation.required("code", code).maxLength("code", code, 32);
        boolean codeWellFormed = code != null && code.length() <= 32 && code.matches("[A-Za-zА-Яа-яЁё0-9._-]+");
        if (code != null && code.length() <= 32 && !codeWellFormed) {
            validation.reject("code", "organization.code.format");
        }
        validation.required("fullName", fullName).maxLength("fullName", fullName, 500);
        validation.required("shortName", shortName).maxLength("shortName", shortName, 200);
        validation.inn("inn", blankToNull(form.inn())).inn("employerInn", blankToNull(form.employerInn()));
        validation.maxLength("address", form.address(), 500);
        String phone = blankToNull(form.phone());
        String normalizedPhone = null;
        if (phone != null) {
            normalizedPhone = ru.profkom.shared.Phones.normalize(phone).orElse(null);
            if (normalizedPhone == null) {
                validation.reject("phone", "validation.phone");
            }
        }
        validation.email("email", blankToNull(form.email()));
        validation.maxLength("website", form.website(), 254);
        validation.maxLength("employerName", form.employerName(), 500);
        validation.range("headcount", form.headcount(), 0, 5_000_000);
        validation.maxLength("chairName", form.chairName(), 200);
        validation.maxLength("infoWorkerName", form.infoWorkerName(), 200);
        if (codeWellFormed && codeTaken.test(code)) {
            validation.reject("code", "organization.code.taken", code);
        }
        validation.throwIfInvalid();
        return new OrganizationForm(
                form.kind(),
                code,
                fullName,
                shortName,
                blankToNull(form.inn()),
                normalize(form.address()),
                normalizedPhone,
                blankToNull(form.email()),
                blankToNull(form.website()),
                normalize(form.employerName()),
                blankToNull(form.employerInn()),
                form.headcount(),
                normalize(form.chairName()),
                normalize(form.infoWorkerName()),
                form.version());
    }

    /** The fields that differ between two forms, for the audit log. */
    static List<FieldChange> changes(OrganizationForm before, OrganizationForm after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "code", before.code(), after.code());
        compare(changes, "fullName", before.fullName(), after.fullName());
        compare(changes, "shortName", before.shortName(), after.shortName());
        compare(changes, "inn", before.inn(), after.inn());
        compare(changes, "address", before.address(), after.address());
        compare(changes, "phone", before.phone(), after.phone());
        compare(changes, "email", before.email(), after.email());
        compare(changes, "website", before.website(), after.website());
        compare(changes, "employerName", before.employerName(), after.employerName());
        compare(changes, "employerInn", before.employerInn(), after.employerInn());
        compare(changes, "headcount", before.headcount(), after.headcount());
        compare(changes, "chairName", before.chairName(), after.chairName());
        compare(changes, "infoWorkerName", before.infoWorkerName(), after.infoWorkerName());
        return changes;
    }

    private static void compare(List<FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(
                    field, before == null ? "" : before.toString(), after == null ? "" : after.toString()));
        }
    }

    private static String normalize(String text) {
        return blankToNull(ru.profkom.shared.RussianText.normalizeSpaces(text));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
