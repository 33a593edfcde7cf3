package ru.profkom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.RoleGrantView;
import ru.profkom.channelregistry.ChannelForm;
import ru.profkom.channelregistry.ChannelKind;
import ru.profkom.channelregistry.ChannelRegistry;
import ru.profkom.indicators.Channel;
import ru.profkom.indicators.Indicators;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.members.activists.ActivistSubmissions;
import ru.profkom.members.imports.MemberImports;
import ru.profkom.organizations.BodyKind;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.portal.AlbumWorld;
import ru.profkom.publications.PublicationWorld;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * Drives every REST endpoint under {@code /api/} found in the handler mappings, so that a new
 * endpoint is covered without new code here. Each path variable, each {@code *Id} request
 * parameter and each {@code *Id} field of a JSON body gets the id of an object outside the caller's
 * subtree; the answer must be 403 or 404, must not name the object, and nothing may change. The same
 * calls on objects inside the subtree must not be refused, so that the test can fail.
 */
@ProfkomIntegrationTest
class ApiAccessTests {

    /**
     * What a path variable addresses, by the path segment before it and its name. An endpoint with a
     * variable missing here fails the test: add the kind of object to {@link World} and a line here.
     */
    private static final Map<String, ToLongFunction<World>> PATH_VARIABLES = Map.ofEntries(
            variable("organizations/{id}", World::primary),
            variable("bodies/{bodyId}", World::body),
            variable("roles/{grantId}", World::grant),
            variable("members/{personId}", World::person),
            variable("memberships/{membershipId}", World::membership),
            variable("consents/{consentId}", World::consent),
            variable("member-imports/{importId}", World::memberImport),
            variable("activist-snapshots/{snapshotId}", World::activistSnapshot),
            variable("channels/{channelId}", World::channel),
            variable("channels/{registryChannelId}", World::registryChannel),
            variable("publications/{publicationId}", World::publication),
            variable("routes/{routeId}", World::route),
            variable("packages/{packageId}", World::infoPackage),
            variable("albums/{albumId}", World::album),
            variable("photos/{photoId}", World::photo),
            variable("transfer-requests/{requestId}", World::transferRequest),
            variable("mailings/{mailingId}", World::mailing),
            variable("mailing-audiences/{audienceId}", World::savedAudience),
            // Not an object but the year of a yearly report: the last year that has ended (see VALUES).
            variable("statistical-reports/{year}", world -> lastYear()));

    /** Path variables that name a value rather than an object: the same inside and outside, never placed alone. */
    private static final Set<String> VALUES = Set.of("statistical-reports/{year}");

    private static long lastYear() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).getYear() - 1;
    }

    private static Map.Entry<String, ToLongFunction<World>> variable(String path, ToLongFunction<World> object) {
        return Map.entry(path, object);
    }

    /** What an {@code *Id} field of a JSON body or an {@code *Id} request parameter addresses. */
    private static final Map<String, ToLongFunction<World>> ID_FIELDS = Map.of(
            "newParentId", World::otherTerritorial,
            "targetId", World::otherPrimary,
            "parentId", World::otherTerritorial,
            "organizationId", World::otherPrimary,
            "destinationOrganizationId", World::region,
            "asPersonId", World::mailingRecipient);

    private static final Set<Integer> REFUSED = Set.of(403, 404);
    private static final Pattern VARIABLE = Pattern.compile("([^/{}]+)/\\{([^}:]+)(?::[^}]*)?}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    Members members;

    @Autowired
    ChannelRegistry channelRegistry;

    @Autowired
    ru.profkom.mailings.Mailings mailings;

    @Autowired
    MemberImports memberImports;

    @Autowired
    ru.profkom.members.JoinApplications joinApplications;

    @Autowired
    ru.profkom.members.TransferRequests transferRequests;

    @Autowired
    ActivistSubmissions activistSubmissions;

    @Autowired
    Indicators indicators;

    @Autowired
    PublicationWorld publicationWorld;

    @Autowired
    AlbumWorld albumWorld;

    @Test
    void findsTheApiEndpoints() {
        assertThat(endpoints())
                .extracting(Endpoint::toString)
                .contains(
                        "GET /api/v1/organizations/{id}",
                        "POST /api/v1/organizations/{id}/move",
                        "DELETE /api/v1/roles/{grantId}",
                        "GET /api/v1/organizations/{id}/audit")
                .hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void refusesARegionalAdministratorEverythingInAnotherRegion() throws Exception {
        World outside = world(fixture.regionB());
        World inside = world(fixture.regionA());

        assertRefusedEverywhere(Fixture.ADMIN_A, outside, inside);
    }

    @Test
    void refusesAMemberEverythingOutsideTheirOwnOrganization() throws Exception {
        World outside = world(fixture.regionA());
        // The member's own organization holds no member they may see: the registry is for staff only.
        World inside = world(fixture.regionA());
        World own = new World(
                fixture.regionA(),
                fixture.territorialA1(),
                fixture.primaryA1(),
                fixture.territorialA2(),
                fixture.primaryA1(),
                fixture.bodyA1(),
                fixture.grantMemberA1(),
                inside.person(),
                inside.membership(),
                inside.consent(),
                importIn(fixture.primaryA1()),
                snapshotIn(fixture.primaryA1()),
                channelIn(fixture.primaryA1()),
                List.of(),
                inside.publication(),
                inside.route(),
                inside.infoPackage(),
                inside.album(),
                inside.photo(),
                inside.transferRequest(),
                registryChannelIn(fixture.primaryA1()),
                mailingIn(fixture.primaryA1()),
                savedAudienceIn(fixture.primaryA1()),
                inside.mailingRecipient());

        assertRefusedEverywhere(Fixture.MEMBER_A1, outside, own);
    }

    @Test
    void letsTheRegionalAdministratorMakeTheSameCallsInsideTheRegion() throws Exception {
        World inside = world(fixture.regionA());
        List<String> refused = new ArrayList<>();

        for (Endpoint endpoint : deletionsLast(endpoints())) {
            // With {} a move or merge names no target, which is "not found"; the control uses real targets.
            List<String> bodies = endpoint.bodies(inside);
            for (String body : bodies.size() > 1 ? bodies.subList(1, bodies.size()) : bodies) {
                MvcResult result = call(
                        Fixture.ADMIN_A,
                        endpoint,
                        endpoint.uri(name -> inside),
                        endpoint.parameters(inside, null),
                        body);
                int status = result.getResponse().getStatus();
                if (REFUSED.contains(status) || status == 401 || status >= 500) {
                    refused.add(endpoint + " " + body + " → " + status + " "
                            + result.getResponse().getContentAsString());
                }
            }
        }

        assertThat(refused)
                .as("calls refused to the administrator inside the subtree")
                .isEmpty();
    }

    @Test
    void listsNothingOfAnotherRegionThroughEndpointsWithoutIds() throws Exception {
        World outside = world(fixture.regionB());
        World inside = world(fixture.regionA());
        List<Endpoint> lists = endpoints().stream()
                .filter(endpoint -> endpoint.method() == HttpMethod.GET
                        && endpoint.variables().isEmpty())
                .toList();
        assertThat(lists).extracting(Endpoint::toString).contains("GET /api/v1/organizations", "GET /api/v1/me");

        for (Endpoint endpoint : lists) {
            String outsideAnswer = call(
                            Fixture.ADMIN_A,
                            endpoint,
                            endpoint.uri(name -> outside),
                            endpoint.parameters(outside, outside.searchTerm()),
                            null)
                    .getResponse()
                    .getContentAsString();
            assertThat(outsideAnswer).as("%s answer", endpoint).doesNotContain(outside.names());
        }
        // The same search does find what lies inside, so the check above can fail.
        Endpoint search = lists.stream()
                .filter(endpoint -> endpoint.toString().equals("GET /api/v1/organizations"))
                .findFirst()
                .orElseThrow();
        String insideAnswer = call(
                        Fixture.ADMIN_A,
                        search,
                        search.uri(name -> inside),
                        search.parameters(inside, inside.searchTerm()),
                        null)
                .getResponse()
                .getContentAsString();
        assertThat(insideAnswer).contains(inside.names().getFirst());
    }

    // ---- the driver -------------------------------------------------------------------------------

    private void assertRefusedEverywhere(String login, World outside, World inside) throws Exception {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.addressesObjects()) {
                continue;
            }
            for (Map<String, World> placement : endpoint.placements(outside, inside)) {
                // With the whole path inside, only a body whose ids point outside addresses an outside object.
                boolean pathInside =
                        !placement.isEmpty() && placement.values().stream().allMatch(world -> world == inside);
                for (World bodyWorld : List.of(outside)) {
                    for (String body : endpoint.bodies(bodyWorld)) {
                        if (pathInside && "{}".equals(body)) {
                            continue;
                        }
                        var before = database.take();
                        MvcResult result = call(
                                login,
                                endpoint,
                                endpoint.uri(placement::get),
                                endpoint.parameters(outside, null),
                                body);
                        calls++;
                        int status = result.getResponse().getStatus();
                        String answer = result.getResponse().getContentAsString();
                        String call = endpoint + " " + describe(placement, outside) + " body " + body;
                        if (!REFUSED.contains(status)) {
                            failures.add(call + " → " + status + " " + answer);
                            continue;
                        }
                        if (answer.contains("\"detail\"") && !answer.matches("(?s).*\"detail\":\"[^\"]*[А-Яа-яЁё].*")) {
                            failures.add(call + " → " + status + " without a Russian reason: " + answer);
                        }
                        for (String name : outside.names()) {
                            if (answer.contains(name)) {
                                failures.add(call + " → " + status + " names " + name + ": " + answer);
                            }
                        }
                        try {
                            database.assertUnchangedSince(before);
                        } catch (AssertionError changed) {
                            failures.add(call + " → " + status + " but changed the database: " + changed.getMessage());
                        }
                    }
                }
            }
        }
        assertThat(calls).as("calls made").isGreaterThan(10);
        assertThat(failures)
                .as("calls as %s that were not refused cleanly", login)
                .isEmpty();
    }

    private MvcResult call(String login, Endpoint endpoint, String uri, Map<String, String> parameters, String body)
            throws Exception {
        MockHttpServletRequestBuilder builder = request(endpoint.method(), uri)
                .with(httpBasic(login, Fixture.PASSWORD))
                .accept(MediaType.APPLICATION_JSON);
        parameters.forEach(builder::param);
        if (body != null) {
            builder.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(builder).andReturn();
    }

    private static String describe(Map<String, World> placement, World outside) {
        return placement.entrySet().stream()
                .map(entry -> entry.getKey() + (entry.getValue() == outside ? " outside" : " inside"))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * The calls in an order that keeps their objects alive: deletions last, the deepest address first, so
     * that deleting an album's photo comes before deleting the album.
     */
    private static List<Endpoint> deletionsLast(List<Endpoint> endpoints) {
        List<Endpoint> ordered = new ArrayList<>(endpoints.stream()
                .filter(endpoint -> endpoint.method() != HttpMethod.DELETE)
                .toList());
        endpoints.stream()
                .filter(endpoint -> endpoint.method() == HttpMethod.DELETE)
                .sorted(java.util.Comparator.comparingInt(
                                (Endpoint endpoint) -> endpoint.variables().size())
                        .reversed())
                .forEach(ordered::add);
        return ordered;
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                handlerMapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method.asHttpMethod(), pattern, entry.getValue()));
                }
            }
        }
        endpoints.sort(java.util.Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    /** A subtree built for one test: the objects an endpoint may address, all under {@code region}. */
    record World(
            long region,
            long territorial,
            long primary,
            long otherTerritorial,
            long otherPrimary,
            long body,
            long grant,
            long person,
            long membership,
            long consent,
            long memberImport,
            long activistSnapshot,
            long channel,
            List<String> names,
            long publication,
            long route,
            long infoPackage,
            long album,
            long photo,
            long transferRequest,
            long registryChannel,
            long mailing,
            long savedAudience,
            long mailingRecipient) {

        String searchTerm() {
            return names.getFirst();
        }
    }

    private World world(long region) {
        String label = Fixture.unique("W");
        String territorialName = "Мир " + label + " территориальная";
        String primaryName = "Мир " + label + " первичная";
        long territorial = fixture.organization(region, OrganizationKind.TERRITORIAL, territorialName);
        long primary = fixture.organization(territorial, OrganizationKind.PRIMARY, primaryName);
        long otherTerritorial =
                fixture.organization(region, OrganizationKind.TERRITORIAL, "Мир " + label + " вторая территориальная");
        long otherPrimary =
                fixture.organization(territorial, OrganizationKind.PRIMARY, "Мир " + label + " вторая первичная");
        long body = actors.asSystem(() -> organizations
                .attachBody(primary, BodyKind.COMMISSION, "Комиссия " + label, null)
                .id());
        String member = fixture.account(primary, Role.MEMBER);
        long grant = actors.asSystem(() -> accounts.grantsIn(primary, false, PageRequest.of(0, 10))).items().stream()
                .filter(view -> view.login().equals(member))
                .mapToLong(RoleGrantView::id)
                .findFirst()
                .orElseThrow();
        // Digits of the label as letters: a name made of letters only, found by no other world's search.
        String lastName = "Мирова"
                + label.replaceAll("\\D", "")
                        .chars()
                        .mapToObj(digit -> String.valueOf("абвгдежзик".charAt(digit - '0')))
                        .collect(Collectors.joining());
        Member registered = actors.asSystem(() -> members.register(
                primary,
                new PersonData(lastName, "Ирина", null, null, null, null, null, null, null, null),
                new MembershipData(MembershipStatus.ACTIVE, null, null, null)));
        long consent = actors.asSystem(() ->
                        members.giveConsent(registered.id(), ConsentPurpose.PROCESSING, null, ConsentForm.PAPER, null))
                .consents()
                .getFirst()
                .id();
        PublicationWorld.Objects objects = publicationWorld.build(territorial, primary);
        AlbumWorld.Objects album = albumWorld.build(primary);
        List<String> names = new ArrayList<>();
        names.add(primaryName);
        names.add(lastName);
        names.add(territorialName);
        names.add(member);
        names.add("Комиссия " + label);
        for (long id : List.of(territorial, primary, otherTerritorial, otherPrimary)) {
            names.add(actors.asSystem(() -> organizations.get(id)).code());
        }
        return new World(
                region,
                territorial,
                primary,
                otherTerritorial,
                otherPrimary,
                body,
                grant,
                registered.id(),
                registered.memberships().getFirst().id(),
                consent,
                importIn(primary),
                snapshotIn(primary),
                channelIn(primary),
                names,
                objects.publication(),
                objects.route(),
                objects.infoPackage(),
                album.album(),
                album.photo(),
                transferRequestIn(otherPrimary, primary, lastName + "ова"),
                registryChannelIn(primary),
                mailingIn(primary),
                savedAudienceIn(primary),
                mailingRecipientIn(primary));
    }

    /**
     * A person of the organization's mailings' audience (consent to processing) that no endpoint of the run
     * changes, unlike {@link World#person}, whose consent an endpoint withdraws.
     */
    private long mailingRecipientIn(long primary) {
        Member recipient = actors.asSystem(() -> members.register(
                primary,
                new PersonData(
                        Fixture.uniqueSurname("Получателева"), "Нина", null, null, null, null, null, null, null, null),
                new MembershipData(MembershipStatus.ACTIVE, null, null, null)));
        actors.asSystem(
                () -> members.giveConsent(recipient.id(), ConsentPurpose.PROCESSING, null, ConsentForm.PAPER, null));
        return recipient.id();
    }

    /** A transfer request of a person held in {@code from}, filed by a join application to {@code to}. */
    private long transferRequestIn(long from, long to, String lastName) {
        PersonData person = new PersonData(
                lastName, "Вера", null, LocalDate.of(1981, 2, 3), null, null, "+79160000000", null, null, null);
        actors.asSystem(
                () -> members.register(from, person, new MembershipData(MembershipStatus.ACTIVE, null, null, null)));
        joinApplications.receive(to, person, true);
        return actors.asSystem(() -> transferRequests.incoming(from, null, PageRequest.of(0, 10)))
                .items()
                .getFirst()
                .id();
    }

    /** The activists' base of a primary organization submitted for this year. */
    private long snapshotIn(long organizationId) {
        return actors.asSystem(() -> activistSubmissions.submit(organizationId, activistSubmissions.currentYear()))
                .id();
    }

    /** A channel of the organization in the current month. */
    private long channelIn(long organizationId) {
        return actors.asSystem(() -> indicators.addChannel(
                        organizationId,
                        indicators.period(null),
                        Channel.Kind.TELEGRAM,
                        "https://t.me/world" + organizationId,
                        10))
                .id();
    }

    /** A draft mailing of the organization to all its members by e-mail. */
    private long mailingIn(long organizationId) {
        return actors.asSystem(() -> mailings.createDraft(
                organizationId,
                new ru.profkom.mailings.MailingForm(
                        "Рассылка мира",
                        null,
                        null,
                        "Тема",
                        null,
                        java.util.Map.of(ru.profkom.mailings.Channel.EMAIL, "Текст"),
                        null,
                        null,
                        null)));
    }

    /** An audience saved by the organization. */
    private long savedAudienceIn(long organizationId) {
        return actors.asSystem(() ->
                mailings.saveAudience(organizationId, Fixture.unique("Все"), ru.profkom.mailings.Audience.EVERYONE));
    }

    /** A channel of the organization in the channel registry. */
    private long registryChannelIn(long organizationId) {
        return actors.asSystem(() -> channelRegistry.register(
                        organizationId,
                        new ChannelForm(
                                ChannelKind.SITE,
                                "https://world" + organizationId + ".example.ru",
                                "Сайт мира",
                                "",
                                false)))
                .id();
    }

    /** An import checked and not applied; its only row is invalid, so applying it adds no one. */
    private long importIn(long organizationId) {
        byte[] file = "ФИО;Дата рождения;СНИЛС\nИмпортов Иван;01.01.1980;112-233-445 00\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return actors.asSystem(() -> memberImports.upload(organizationId, "world.csv", file))
                .id();
    }

    record Endpoint(HttpMethod method, String pattern, HandlerMethod handler) {

        @Override
        public String toString() {
            return method.name() + " " + pattern;
        }

        /** The path variables as {@code segment/{name}}, in order. */
        List<String> variables() {
            List<String> variables = new ArrayList<>();
            Matcher matcher = VARIABLE.matcher(pattern);
            while (matcher.find()) {
                variables.add(matcher.group(1) + "/{" + matcher.group(2) + "}");
            }
            if (pattern.contains("*")) {
                throw new AssertionError(this + ": wildcard patterns are not understood by ApiAccessTests");
            }
            return variables;
        }

        boolean addressesObjects() {
            return !variables().isEmpty()
                    || !idFields().isEmpty()
                    || !idParameters().isEmpty();
        }

        /** All variables outside, and for several variables each one outside with the others inside. */
        List<Map<String, World>> placements(World outside, World inside) {
            List<String> variables = variables();
            List<Map<String, World>> placements = new ArrayList<>();
            Map<String, World> allOutside = new LinkedHashMap<>();
            variables.forEach(variable -> allOutside.put(variable, outside));
            placements.add(allOutside);
            if (variables.size() > 1) {
                for (String single : variables) {
                    if (VALUES.contains(single)) {
                        continue;
                    }
                    Map<String, World> mixed = new LinkedHashMap<>();
                    variables.forEach(variable -> mixed.put(variable, variable.equals(single) ? outside : inside));
                    placements.add(mixed);
                }
            }
            if (variables.isEmpty() || !idFields().isEmpty()) {
                // The *Id fields of the body point outside while the path stays inside.
                Map<String, World> pathInside = new LinkedHashMap<>();
                variables.forEach(variable -> pathInside.put(variable, inside));
                if (!variables.isEmpty()) {
                    placements.add(pathInside);
                } else if (placements.getFirst().isEmpty()) {
                    return List.of(Map.of());
                }
            }
            return placements;
        }

        String uri(java.util.function.Function<String, World> worldOf) {
            String uri = pattern;
            for (String variable : variables()) {
                ToLongFunction<World> object = PATH_VARIABLES.get(variable);
                if (object == null) {
                    throw new AssertionError(this + " has the path variable " + variable
                            + " that ApiAccessTests.PATH_VARIABLES does not know: add the kind of object it"
                            + " addresses to ApiAccessTests.World and map the variable to it");
                }
                String name = variable.substring(variable.indexOf('{'));
                uri = uri.replaceFirst(
                        Pattern.quote(name.substring(0, name.length() - 1)) + "(:[^}]*)?}",
                        String.valueOf(object.applyAsLong(worldOf.apply(variable))));
            }
            return uri;
        }

        /** {@code *Id} request parameters point into {@code world}; other string parameters get {@code text}. */
        Map<String, String> parameters(World world, String text) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
                if (annotation == null) {
                    continue;
                }
                String name = parameterName(parameter, annotation.name());
                if (name.endsWith("Id")) {
                    parameters.put(name, String.valueOf(idOf(name, world)));
                } else if (text != null && parameter.getParameterType() == String.class) {
                    parameters.put(name, text);
                } else if (annotation.required()
                        && annotation
                                .defaultValue()
                                .equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)) {
                    throw new AssertionError(this + " requires the parameter " + name
                            + " that ApiAccessTests cannot fill in: teach Endpoint.parameters about it");
                }
            }
            return parameters;
        }

        List<String> idParameters() {
            List<String> names = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
                if (annotation != null) {
                    String name = parameterName(parameter, annotation.name());
                    if (name.endsWith("Id")) {
                        names.add(name);
                    }
                }
            }
            return names;
        }

        /** No body when the handler reads none; otherwise {@code {}} and, with {@code *Id} fields, those pointing into {@code world}. */
        List<String> bodies(World world) {
            Class<?> type = bodyType();
            if (type == null) {
                return java.util.Collections.singletonList(null);
            }
            List<String> fields = idFields();
            if (fields.isEmpty()) {
                return List.of("{}");
            }
            String ids = fields.stream()
                    .map(field -> "\"" + field + "\":" + idOf(field, world))
                    .collect(Collectors.joining(",", "{", "}"));
            return List.of("{}", ids);
        }

        private Class<?> bodyType() {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    return parameter.getParameterType();
                }
            }
            return null;
        }

        List<String> idFields() {
            Class<?> type = bodyType();
            if (type == null) {
                return List.of();
            }
            Set<String> names = new TreeSet<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    names.add(component.getName());
                }
            } else {
                for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                    names.add(field.getName());
                }
            }
            return names.stream().filter(name -> name.endsWith("Id")).toList();
        }

        private long idOf(String field, World world) {
            ToLongFunction<World> object = ID_FIELDS.get(field);
            if (object == null) {
                throw new AssertionError(this + " takes the id " + field
                        + " that ApiAccessTests.ID_FIELDS does not know: map it to the kind of object it addresses");
            }
            return object.applyAsLong(world);
        }

        private static String parameterName(MethodParameter parameter, String declared) {
            if (declared != null && !declared.isEmpty()) {
                return declared;
            }
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            return parameter.getParameterName();
        }
    }
}
