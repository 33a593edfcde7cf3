package ru.profkom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomException.Kind;

/**
 * Each kind of refusal lands where it belongs: a mistake of the form on the form, by field, in Russian, with the
 * status of the re-rendered page; a refusal of access on the error page, never on the form.
 */
class FormRefusalsTests {

    private final FormRefusals refusals = new FormRefusals(texts(), transactions());

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    FormRefusalsTests() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest(), response));
        LocaleContextHolder.setLocale(WebConfiguration.RUSSIAN);
    }

    @AfterEach
    void leaveNoRequestBehind() {
        RequestContextHolder.resetRequestAttributes();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aMistakeInAFieldIsShownAtThatFieldAndTheRestAboveTheForm() {
        ExtendedModelMap model = new ExtendedModelMap();

        refusals.show(
                model,
                new ProfkomException(
                        Kind.INVALID,
                        List.of(
                                new ProfkomException.Problem("birthDate", "validation.date"),
                                new ProfkomException.Problem("birthDate", "validation.required"),
                                new ProfkomException.Problem(null, "access.denied"))));

        assertThat(model.getAttribute("fieldErrors"))
                .isEqualTo(Map.of("birthDate", "Дата указана неверно, нужен вид дд.мм.гггг. Заполните это поле."));
        assertThat(model.getAttribute("formErrors"))
                .isEqualTo(List.of("У вас нет прав на это действие в этой организации."));
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void aConflictIsShownOnTheFormThatAnswers200() {
        ExtendedModelMap model = new ExtendedModelMap();

        refusals.show(model, ProfkomException.conflict("validation.required"));

        assertThat(model.getAttribute("formErrors")).isEqualTo(List.of("Заполните это поле."));
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void aFileTooLargeIsShownAtItsFieldWithStatus413() {
        ExtendedModelMap model = new ExtendedModelMap();

        refusals.show(model, ProfkomException.tooLarge("file", "validation.required"));

        assertThat(model.getAttribute("fieldErrors")).isEqualTo(Map.of("file", "Заполните это поле."));
        assertThat(response.getStatus()).isEqualTo(413);
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"NOT_FOUND", "FORBIDDEN"})
    void aRefusalOfAccessGoesOnToTheErrorPageAndNotOntoTheForm(Kind kind) {
        ExtendedModelMap model = new ExtendedModelMap();
        ProfkomException refusal = new ProfkomException(kind, List.of(new ProfkomException.Problem(null, "x")));

        assertThatThrownBy(() -> refusals.show(model, refusal)).isSameAs(refusal);
        assertThatThrownBy(() -> refusals.flash(new RedirectAttributesModelMap(), "formErrors", refusal))
                .isSameAs(refusal);
        assertThat(model.asMap()).isEmpty();
        assertThat(FormRefusals.belongsOnForm(kind)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"INVALID", "CONFLICT", "TOO_LARGE"})
    void everyOtherRefusalBelongsOnTheForm(Kind kind) {
        assertThat(FormRefusals.belongsOnForm(kind)).isTrue();
        assertThat(FormRefusals.formStatus(kind)).isEqualTo(kind == Kind.TOO_LARGE ? 413 : 200);
    }

    @Test
    void aChosenOrganizationNotFoundIsTheFormsMistakeButAForbiddenActionIsNot() {
        ExtendedModelMap model = new ExtendedModelMap();

        refusals.showWithChoiceNotFound(model, ProfkomException.notFound("validation.required"));

        assertThat(model.getAttribute("formErrors")).isEqualTo(List.of("Заполните это поле."));
        ProfkomException forbidden = ProfkomException.forbidden("access.denied");
        assertThatThrownBy(() -> refusals.showWithChoiceNotFound(new ExtendedModelMap(), forbidden))
                .isSameAs(forbidden);
    }

    @Test
    void aFlashedRefusalIsItsTextsUnderTheNamedAttribute() {
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

        refusals.flash(redirect, "documentErrors", ProfkomException.invalid("file", "validation.required"));

        assertThat(redirect.getFlashAttributes()).isEqualTo(Map.of("documentErrors", List.of("Заполните это поле.")));
    }

    @Test
    void anUnreadableDateIsShownBesideTheActionsOwnMistakes() {
        FormInput input = new FormInput();
        input.date("birthDate", "31.02.1990");

        assertThatThrownBy(() -> refusals.attempt(input, () -> {
                    throw new ProfkomException(
                            Kind.INVALID,
                            List.of(
                                    new ProfkomException.Problem("birthDate", "validation.required"),
                                    new ProfkomException.Problem("lastName", "validation.required")));
                }))
                .isInstanceOfSatisfying(
                        ProfkomException.class,
                        refusal -> assertThat(refusal.problems())
                                .extracting(ProfkomException.Problem::field, ProfkomException.Problem::messageKey)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple("birthDate", "validation.date"),
                                        org.assertj.core.groups.Tuple.tuple("lastName", "validation.required")));
    }

    private static Texts texts() {
        return new Texts(new WebConfiguration().messageSource(new String[] {"i18n/shared"}));
    }

    private static DataSourceTransactionManager transactions() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:form-refusals;DB_CLOSE_DELAY=-1");
        return new DataSourceTransactionManager(dataSource);
    }
}
