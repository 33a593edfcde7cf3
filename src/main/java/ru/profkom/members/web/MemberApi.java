package ru.profkom.members.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.profkom.members.Member;
import ru.profkom.members.MemberChange;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberQuery;
import ru.profkom.members.MemberSummary;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.members.TransferSource;
import ru.profkom.members.TransferStatus;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/** The registry over REST; access is decided by {@link Members}, and an object outside the caller's subtrees is 404. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Члены профсоюза", description = "Реестр членов профсоюза: поиск, карточка, вступление, выход, перевод")
class MemberApi {

    private final Members members;
    private final MessageSource messages;

    MemberApi(Members members, MessageSource messages) {
        this.members = members;
        this.messages = messages;
    }

    record RegisterRequest(PersonData person, MembershipData membership) {}

    record UpdateRequest(PersonData person, Integer version) {}

    record ExitRequest(ExitReason reason, LocalDate date) {}

    record TransferRequest(Long organizationId, LocalDate date) {}

    record StatusRequest(MembershipStatus status) {}

    record ConsentRequest(ConsentPurpose purpose, ConsentForm form, LocalDate givenOn, String document) {}

    record WithdrawRequest(LocalDate date) {}

    @GetMapping("/organizations/{id}/members")
    @Operation(summary = "Члены профсоюза в поддереве организации: поиск по ФИО, билету, СНИЛС, телефону, почте")
    Page<MemberSummary> search(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) MembershipStatus status,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) Integer ageFrom,
            @RequestParam(required = false) Integer ageTo,
            PageRequest page) {
        return members.search(new MemberQuery(q.isBlank() ? null : q, id, status, category, ageFrom, ageTo), page);
    }

    /** A person registered in another organization of the union: the request filed, nothing of the person. */
    record TransferRequested(long transferRequestId, String status, String detail) {}

    @PostMapping("/organizations/{id}/members")
    @Operation(
            summary = "Принять в члены профсоюза (или подать заявление) в первичной или цеховой организации",
            description = "201 и карточка; 202 и номер запроса на перевод, если человек состоит на учёте в другой"
                    + " организации профсоюза: его данные не меняются и не показываются")
    ResponseEntity<Object> register(@PathVariable long id, @RequestBody RegisterRequest request) {
        Members.Enrolment enrolment = members.enrol(
                id,
                orEmpty(request.person()),
                request.membership() == null ? new MembershipData(null, null, null, null) : request.membership(),
                TransferSource.API);
        if (enrolment.transferRequested()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new TransferRequested(
                            enrolment.transferRequestId(),
                            TransferStatus.PENDING.name(),
                            messages.getMessage("member.transfer.requested", null, LocaleContextHolder.getLocale())));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(enrolment.member());
    }

    @GetMapping("/members/{personId}")
    @Operation(summary = "Карточка члена профсоюза (просмотр записывается в журнал)")
    Member get(@PathVariable long personId) {
        return members.get(personId);
    }

    @PutMapping("/members/{personId}")
    @Operation(summary = "Изменить данные человека; version — из карточки, чтобы не затереть чужую правку")
    Member update(@PathVariable long personId, @RequestBody UpdateRequest request) {
        // A missing version cannot match the stored one: the update is refused as a concurrent change.
        int version = request.version() == null ? -1 : request.version();
        return members.update(personId, orEmpty(request.person()), version);
    }

    @GetMapping("/members/{personId}/history")
    @Operation(summary = "История изменений: кто, когда, поле, было → стало")
    List<MemberChange> history(@PathVariable long personId) {
        return members.history(personId);
    }

    @PostMapping("/memberships/{membershipId}/exit")
    @Operation(summary = "Выход или исключение из профсоюза с причиной и датой")
    Member exit(@PathVariable long membershipId, @RequestBody ExitRequest request) {
        return members.exit(membershipId, request.reason(), request.date());
    }

    @PostMapping("/memberships/{membershipId}/transfer")
    @Operation(summary = "Перевод в другую первичную или цеховую организацию с сохранением номера билета")
    Member transfer(@PathVariable long membershipId, @RequestBody TransferRequest request) {
        // No target is refused like an unknown one, after the membership's own access check.
        long target = request.organizationId() == null ? 0 : request.organizationId();
        return members.transfer(membershipId, target, request.date());
    }

    @PostMapping("/memberships/{membershipId}/status")
    @Operation(summary = "Принять заявление, приостановить или возобновить членство")
    Member changeStatus(@PathVariable long membershipId, @RequestBody StatusRequest request) {
        return members.changeStatus(membershipId, request.status());
    }

    @PostMapping("/members/{personId}/consents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Записать согласие (152-ФЗ) на обработку данных или на канал связи")
    Member giveConsent(@PathVariable long personId, @RequestBody ConsentRequest request) {
        return members.giveConsent(personId, request.purpose(), request.givenOn(), request.form(), request.document());
    }

    @PostMapping("/consents/{consentId}/withdraw")
    @Operation(summary = "Отозвать согласие")
    Member withdrawConsent(@PathVariable long consentId, @RequestBody(required = false) WithdrawRequest request) {
        return members.withdrawConsent(consentId, request == null ? null : request.date());
    }

    /** A missing person is refused field by field by the registry, after it checked access to the organization. */
    private static PersonData orEmpty(PersonData person) {
        return person != null ? person : new PersonData(null, null, null, null, null, null, null, null, null, null);
    }
}
