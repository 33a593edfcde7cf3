package ru.profkom.organizations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.profkom.organizations.AttachedBody;
import ru.profkom.organizations.BodyKind;
import ru.profkom.organizations.Crumb;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationForm;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.organizations.Placement;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;

@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Организации", description = "Дерево организаций профсоюза: карточки, перемещение, слияние, ликвидация")
class OrganizationApi {

    private final Organizations organizations;

    OrganizationApi(Organizations organizations) {
        this.organizations = organizations;
    }

    record MoveRequest(Long newParentId) {}

    record MergeRequest(Long targetId) {}

    record LiquidateRequest(LocalDate date) {}

    record BodyRequest(BodyKind kind, String name, String chairName) {}

    @GetMapping("/roots")
    @Operation(summary = "Организации, с которых начинаются права текущего пользователя")
    List<OrganizationNode> roots() {
        return organizations.scopeRoots();
    }

    @GetMapping
    @Operation(summary = "Поиск по названию или коду внутри доступных поддеревьев")
    Page<OrganizationNode> search(@RequestParam(defaultValue = "") String q, PageRequest page) {
        return organizations.search(q, page);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Карточка организации")
    Organization get(@PathVariable long id) {
        return organizations.get(id);
    }

    @GetMapping("/{id}/children")
    @Operation(summary = "Дочерние организации, постранично")
    Page<OrganizationNode> children(
            @PathVariable long id, @RequestParam(defaultValue = "false") boolean includeClosed, PageRequest page) {
        return organizations.children(id, includeClosed, page);
    }

    @GetMapping("/{id}/breadcrumbs")
    @Operation(summary = "Путь от корня; с параметром date — каким он был на эту дату")
    List<Crumb> breadcrumbs(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return date == null ? organizations.breadcrumbs(id) : organizations.breadcrumbsAt(id, date);
    }

    @GetMapping("/{id}/placements")
    @Operation(summary = "История размещения в дереве: где организация стояла в каждый период")
    List<Placement> placements(@PathVariable long id) {
        return organizations.placementHistory(id);
    }

    @PostMapping("/{id}/children")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Создать дочернюю организацию")
    Organization create(@PathVariable long id, @RequestBody OrganizationForm form) {
        return organizations.createChild(id, form);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Изменить карточку; поле version защищает от одновременной правки")
    Organization update(@PathVariable long id, @RequestBody OrganizationForm form) {
        return organizations.update(id, form);
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Перенести организацию со всем поддеревом под другую родительскую")
    Organization move(@PathVariable long id, @RequestBody MoveRequest request) {
        return organizations.move(id, required(id, request.newParentId(), "newParentId"));
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Присоединить организацию к другой: дочерние переходят, исходная закрывается")
    Organization merge(@PathVariable long id, @RequestBody MergeRequest request) {
        return organizations.merge(id, required(id, request.targetId(), "targetId"));
    }

    @PostMapping("/{id}/liquidate")
    @Operation(summary = "Ликвидировать организацию (история сохраняется)")
    Organization liquidate(@PathVariable long id, @RequestBody(required = false) LiquidateRequest request) {
        return organizations.liquidate(id, request == null ? null : request.date());
    }

    @GetMapping("/{id}/bodies")
    @Operation(summary = "Выборные органы, молодёжный совет и комиссии организации")
    List<AttachedBody> bodies(@PathVariable long id) {
        return organizations.bodies(id);
    }

    @PostMapping("/{id}/bodies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Добавить орган или комиссию")
    AttachedBody attachBody(@PathVariable long id, @RequestBody BodyRequest request) {
        return organizations.attachBody(id, request.kind(), request.name(), request.chairName());
    }

    @DeleteMapping("/{id}/bodies/{bodyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Удалить орган или комиссию")
    void detachBody(@PathVariable long id, @PathVariable long bodyId) {
        organizations.detachBody(id, bodyId);
    }

    /** A missing id is the caller's mistake (400), told only after the organization itself proved visible. */
    private long required(long organizationId, Long value, String field) {
        organizations.get(organizationId);
        if (value == null) {
            throw ProfkomException.invalid(field, "validation.required");
        }
        return value;
    }
}
