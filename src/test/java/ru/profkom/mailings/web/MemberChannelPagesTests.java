package ru.profkom.mailings.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.channels.ChannelLinkRepository;
import ru.profkom.mailings.channels.TelegramBot;
import ru.profkom.members.MemberAccountLinks;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestMailingPeers;

/** «Каналы связи» in the cabinet: what is linked and consented, linking Telegram through the bot and VK. */
@ProfkomIntegrationTest
class MemberChannelPagesTests {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    Members members;

    @Autowired
    MemberAccountLinks accountLinks;

    @Autowired
    ChannelLinkRepository links;

    @Autowired
    TelegramBot bot;

    @AfterEach
    void forgetTheAnswers() {
        TestMailingPeers.reset();
    }

    @Test
    void showsTheChannelsWithTheirConsentsAndLinksTelegramThroughTheBotsDeepLink() throws Exception {
        long person = register("Паустовская", "paust@example.ru");
        String login = linkedAccount(person);
        consent(person, ConsentPurpose.EMAIL);

        String page = page(login, "/cabinet/channels");
        assertThat(page)
                .contains(
                        "Каналы связи",
                        "paust@example.ru",
                        "Электронная почта",
                        "дано",
                        "не дано",
                        "Подключить Telegram");
        assertThat(page(login, "/cabinet")).contains("/cabinet/channels");

        MvcResult pressed = mvc.perform(MockMvcRequestBuilders.post("/cabinet/channels/telegram")
                        .with(actors.signedIn(login)))
                .andReturn();
        String deepLink = (String) pressed.getFlashMap().get("telegramLink");
        assertThat(deepLink).startsWith("https://t.me/" + TestMailingPeers.BOT_NAME + "?start=");
        String token = deepLink.substring(deepLink.indexOf("?start=") + 7);
        assertThat(token).matches("[A-Za-z0-9_-]{1,64}");

        String chat = String.valueOf(IDS.incrementAndGet());
        TestMailingPeers.server()
                .stubFor(post(urlEqualTo("/bot" + TestMailingPeers.BOT_TOKEN + "/getUpdates"))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withBody("{\"ok\":true,\"result\":[{\"update_id\":" + IDS.incrementAndGet()
                                        + ",\"message\":{\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},"
                                        + "\"text\":\"/start " + token + "\"}}]}")));
        TestMailingPeers.server()
                .stubFor(post(urlEqualTo("/bot" + TestMailingPeers.BOT_TOKEN + "/sendMessage"))
                        .willReturn(aResponse().withBody("{\"ok\":true,\"result\":{\"message_id\":1}}")));
        bot.poll();

        assertThat(links.linksOf(person)).containsEntry(Channel.TELEGRAM, chat);
        assertThat(page(login, "/cabinet/channels")).contains(chat, "unlink-TELEGRAM");

        mvc.perform(
                MockMvcRequestBuilders.post("/cabinet/channels/telegram/unlink").with(actors.signedIn(login)));
        assertThat(links.linksOf(person)).doesNotContainKey(Channel.TELEGRAM);
    }

    @Test
    void linksVkOnlyWhenVkSaysTheMemberAllowedTheCommunitysMessages() throws Exception {
        long person = register("Вересаева", null);
        String login = linkedAccount(person);
        TestMailingPeers.server()
                .stubFor(post(urlEqualTo("/method/messages.isMessagesFromGroupAllowed"))
                        .withRequestBody(containing("user_id=5001"))
                        .willReturn(aResponse().withBody("{\"response\":{\"is_allowed\":1}}")));
        TestMailingPeers.server()
                .stubFor(post(urlEqualTo("/method/messages.isMessagesFromGroupAllowed"))
                        .withRequestBody(containing("user_id=5002"))
                        .willReturn(aResponse().withBody("{\"response\":{\"is_allowed\":0}}")));

        assertThat(errors(vk(login, "durov"))).singleElement().asString().contains("vk.com/id123456");
        assertThat(errors(vk(login, "id5002"))).singleElement().asString().contains("не разрешили");
        assertThat(links.linksOf(person)).doesNotContainKey(Channel.VK);

        MvcResult linked = vk(login, "https://vk.com/id5001");
        assertThat(linked.getFlashMap().get("flash").toString()).contains("ВКонтакте подключён");
        assertThat(links.linksOf(person)).containsEntry(Channel.VK, "5001");
        assertThat(page(login, "/cabinet/channels")).contains("5001", "unlink-VK");

        long other = register("Чуковская", null);
        String otherLogin = linkedAccount(other);
        assertThat(errors(vk(otherLogin, "5001"))).singleElement().asString().contains("уже подключена");
        assertThat(links.linksOf(person)).containsEntry(Channel.VK, "5001");
    }

    private MvcResult vk(String login, String vkId) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/cabinet/channels/vk")
                        .param("vkId", vkId)
                        .with(actors.signedIn(login)))
                .andReturn();
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(MvcResult result) {
        return (List<String>) result.getFlashMap().get("formErrors");
    }

    private long register(String lastName, String email) {
        return actors.as(
                        Fixture.ADMIN_A,
                        () -> members.register(
                                fixture.primaryA1(),
                                new PersonData(
                                        lastName,
                                        "Анна",
                                        "Сергеевна",
                                        LocalDate.of(1980, 3, 3),
                                        Gender.F,
                                        null,
                                        null,
                                        email,
                                        "учитель",
                                        null),
                                new MembershipData(MembershipStatus.ACTIVE, null, null, Category.WORKER)))
                .id();
    }

    private String linkedAccount(long personId) {
        String login = fixture.account(fixture.primaryA1(), Role.MEMBER);
        actors.run(Fixture.ADMIN_A, () -> accountLinks.link(personId, login));
        consent(personId, ConsentPurpose.PROCESSING);
        return login;
    }

    private void consent(long personId, ConsentPurpose purpose) {
        actors.as(Fixture.ADMIN_A, () -> members.giveConsent(personId, purpose, null, ConsentForm.PAPER, "Заявление"));
    }

    private String page(String login, String path) throws Exception {
        var response =
                mvc.perform(get(path).with(actors.signedIn(login))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
