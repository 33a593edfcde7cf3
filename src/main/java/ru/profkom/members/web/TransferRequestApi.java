package ru.profkom.members.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.profkom.members.TransferRequest;
import ru.profkom.members.TransferRequests;
import ru.profkom.members.TransferStatus;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/** Transfer requests over REST; access is decided by {@link TransferRequests}. */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Запросы на перевод",
        description = "Перевод и постановка на учёт человека, состоящего в другой организации")
class TransferRequestApi {

    private final TransferRequests transferRequests;

    TransferRequestApi(TransferRequests transferRequests) {
        this.transferRequests = transferRequests;
    }

    record DecisionRequest(String note) {}

    @GetMapping("/organizations/{id}/transfer-requests/incoming")
    @Operation(summary = "Входящие запросы: люди, состоящие на учёте в поддереве, которых просят перевести")
    Page<TransferRequest> incoming(
            @PathVariable long id, @RequestParam(required = false) TransferStatus status, PageRequest page) {
        return transferRequests.incoming(id, status, page);
    }

    @GetMapping("/organizations/{id}/transfer-requests/outgoing")
    @Operation(
            summary = "Исходящие запросы поддерева: что было введено и как решено, без сведений о другой организации")
    Page<TransferRequest> outgoing(
            @PathVariable long id, @RequestParam(required = false) TransferStatus status, PageRequest page) {
        return transferRequests.outgoing(id, status, page);
    }

    @GetMapping("/transfer-requests/{requestId}")
    @Operation(summary = "Запрос на перевод так, как его видит сторона вызывающего")
    TransferRequest get(@PathVariable long requestId) {
        return transferRequests.get(requestId);
    }

    @PostMapping("/transfer-requests/{requestId}/accept")
    @Operation(summary = "Принять: членство переносится в запросившую организацию, номер билета и история сохраняются")
    TransferRequest accept(@PathVariable long requestId, @RequestBody(required = false) DecisionRequest request) {
        return transferRequests.accept(requestId, request == null ? null : request.note());
    }

    @PostMapping("/transfer-requests/{requestId}/decline")
    @Operation(summary = "Отклонить запрос на перевод")
    TransferRequest decline(@PathVariable long requestId, @RequestBody(required = false) DecisionRequest request) {
        return transferRequests.decline(requestId, request == null ? null : request.note());
    }
}
