package ru.profkom.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.profkom.accounts.Account;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.NewAccount;
import ru.profkom.accounts.RoleGrantView;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.Role;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Учётные записи и роли", description = "Роли действуют в организации и во всём её поддереве")
class AccountApi {

    private final Accounts accounts;

    AccountApi(Accounts accounts) {
        this.accounts = accounts;
    }

    record Me(Account account, List<RoleGrantView> roles) {}

    record GrantRequest(String login, Role role) {}

    @GetMapping("/me")
    @Operation(summary = "Текущий пользователь и его роли")
    Me me() {
        return new Me(accounts.me(), accounts.myGrants());
    }

    @GetMapping("/organizations/{id}/roles")
    @Operation(summary = "Роли, выданные в организации")
    Page<RoleGrantView> roles(
            @PathVariable long id, @RequestParam(defaultValue = "false") boolean includeRevoked, PageRequest page) {
        return accounts.grantsIn(id, includeRevoked, page);
    }

    @PostMapping("/organizations/{id}/roles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Выдать роль существующей учётной записи")
    RoleGrantView grant(@PathVariable long id, @RequestBody GrantRequest request) {
        return accounts.grant(id, request.login(), request.role());
    }

    @PostMapping("/organizations/{id}/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Создать учётную запись с ролью в организации")
    Account create(@PathVariable long id, @RequestBody NewAccount request) {
        return accounts.createAccount(id, request);
    }

    @DeleteMapping("/roles/{grantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Отозвать роль")
    void revoke(@PathVariable long grantId) {
        accounts.revoke(grantId);
    }
}
