package ru.profkom.browser;

import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.NewAccount;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationForm;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Role;

/**
 * A small union of its own for each test class: two regions, three territorial organizations and
 * four primary ones, with a regional administrator, a chair and a member. Codes and logins carry
 * the class's tag, so classes sharing one database do not see each other's data.
 */
record BrowserFixture(
        String tag,
        Organization union,
        Organization moscowRegion,
        Organization tverRegion,
        Organization podolsk,
        Organization khimki,
        Organization tver,
        Organization school17,
        Organization gymnasium5,
        Organization kindergarten,
        Organization tverSchool3,
        String regionalAdmin,
        String chair,
        String member) {

    static final String PASSWORD = "Пароль-для-тестов-1";

    static BrowserFixture build(String tag, Organizations organizations, Accounts accounts) {
        return CurrentActor.asSystem(() -> {
            Organization union = organizations.createUnion(
                    form(OrganizationKind.UNION, tag + "-ЦК", "Профсоюз работников образования " + tag));
            Organization moscowRegion = organizations.createChild(
                    union.id(), form(OrganizationKind.REGIONAL, tag + "-МО", "Московская областная организация"));
            Organization tverRegion = organizations.createChild(
                    union.id(), form(OrganizationKind.REGIONAL, tag + "-ТО", "Тверская областная организация"));
            Organization podolsk = organizations.createChild(
                    moscowRegion.id(),
                    form(OrganizationKind.TERRITORIAL, tag + "-ПОД", "Подольская городская организация"));
            Organization khimki = organizations.createChild(
                    moscowRegion.id(),
                    form(OrganizationKind.TERRITORIAL, tag + "-ХИМ", "Химкинская городская организация"));
            Organization tver = organizations.createChild(
                    tverRegion.id(),
                    form(OrganizationKind.TERRITORIAL, tag + "-ТВР", "Тверская городская организация"));
            Organization school17 = organizations.createChild(
                    podolsk.id(), form(OrganizationKind.PRIMARY, tag + "-ППО-17", "ППО школы № 17 г. Подольска"));
            Organization gymnasium5 = organizations.createChild(
                    podolsk.id(), form(OrganizationKind.PRIMARY, tag + "-ППО-5", "ППО гимназии № 5 г. Подольска"));
            Organization kindergarten = organizations.createChild(
                    khimki.id(), form(OrganizationKind.PRIMARY, tag + "-ППО-ДС", "ППО детского сада «Солнышко»"));
            Organization tverSchool3 = organizations.createChild(
                    tver.id(), form(OrganizationKind.PRIMARY, tag + "-ППО-3", "ППО школы № 3 г. Твери"));
            String admin = "admin." + tag;
            String chair = "chair." + tag;
            String member = "member." + tag;
            accounts.createAccount(
                    moscowRegion.id(),
                    new NewAccount(admin, "Иванова Мария Петровна", admin + "@example.ru", PASSWORD, Role.ORG_ADMIN));
            accounts.createAccount(
                    school17.id(),
                    new NewAccount(chair, "Петров Сергей Иванович", chair + "@example.ru", PASSWORD, Role.CHAIR));
            accounts.createAccount(
                    gymnasium5.id(),
                    new NewAccount(member, "Сидорова Анна Олеговна", member + "@example.ru", PASSWORD, Role.MEMBER));
            return new BrowserFixture(
                    tag,
                    union,
                    moscowRegion,
                    tverRegion,
                    podolsk,
                    khimki,
                    tver,
                    school17,
                    gymnasium5,
                    kindergarten,
                    tverSchool3,
                    admin,
                    chair,
                    member);
        });
    }

    /** Adds one more account, for tests that lock or change it. */
    static String account(Accounts accounts, Organization organization, String login, Role role) {
        CurrentActor.asSystem(() -> accounts.createAccount(
                organization.id(),
                new NewAccount(login, "Кузнецов Олег Викторович", login + "@example.ru", PASSWORD, role)));
        return login;
    }

    private static OrganizationForm form(OrganizationKind kind, String code, String shortName) {
        return new OrganizationForm(
                kind,
                code,
                shortName + " Общероссийского профсоюза образования",
                shortName,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
