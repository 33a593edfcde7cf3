package ru.profkom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.TestDatabase;
import ru.profkom.support.TestSupportConfiguration;

/**
 * Requests that fail before any controller answers, sent byte for byte to the running server (a client library
 * would refuse to send {@code ?lang=%}): the answer is Russian, a page for the browser and a problem detail for
 * the API, never Tomcat's English page or Boot's English JSON, and never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestSupportConfiguration.class)
class ErrorPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixture fixture;

    @Autowired
    DatabaseSnapshot database;

    @Test
    void aLanguageThatCannotBeReadIsIgnored() throws IOException {
        Answer page = get("/login?lang=%25", "text/html");
        Answer api = get("/api/v1/organizations/" + fixture.regionA() + "?lang=%25", "application/json");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"ru\"");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("Архангельская областная организация");
    }

    @Test
    void aPercentSignWithoutItsCodeIsARussianRefusal() throws IOException {
        Answer page = get("/login?lang=%", "text/html");
        Answer api = get("/api/v1/organizations/" + fixture.regionA() + "?lang=%", "application/json");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("lang=\"ru\"", "знак % должен начинать код");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.contentType()).contains("application/problem+json");
        assertThat(api.body()).contains("знак % должен начинать код").doesNotContain("Bad Request");
    }

    @Test
    void anAddressTomcatRefusesIsARussianPageOrProblem() throws IOException {
        Answer page = get("/orgs/%zz", "text/html");
        Answer api = get("/api/v1/organizations/%2F", "application/json");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("lang=\"ru\"", "Запрос не принят").doesNotContain("HTTP Status");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.contentType()).contains("application/problem+json");
        assertThat(api.body()).contains("\"status\":400", "Запрос составлен неверно");
    }

    @Test
    void aNulByteInAnUploadsFileNameIsRefusedInRussian() throws IOException {
        DatabaseSnapshot.Content before = database.take();
        String boundary = "profkom-nul-name";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"spisok\u0000.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "Фамилия;Имя\r\nИванов;Иван\r\n"
                + "--" + boundary + "--\r\n";

        Answer api = send(
                "POST /api/v1/organizations/" + fixture.primaryA1() + "/member-imports",
                "application/json",
                "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n",
                body);

        Answer page = send(
                "POST /orgs/" + fixture.primaryA1() + "/members/import",
                "text/html",
                "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n",
                body);

        assertThat(api.status()).isEqualTo(400);
        assertThat(api.contentType()).contains("application/problem+json");
        assertThat(api.body()).contains("\"field\":\"file\"", "Имя файла содержит недопустимый символ");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("lang=\"ru\"", "Имя файла содержит недопустимый символ");
        database.assertUnchangedSince(before);
    }

    @Test
    void springsOwnRefusalsAreRussianProblems() throws IOException {
        Answer unsupported = send(
                "POST /api/v1/organizations/" + fixture.regionA() + "/children",
                "application/json",
                "Content-Type: text/plain\r\n",
                "x");
        Answer unknown = get("/api/v1/nothing-here", "application/json");

        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(unsupported.body()).contains("Формат не поддерживается", "Тип содержимого «text/plain");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Адрес «/api/v1/nothing-here» не найден");
    }

    @Test
    void aControlCharacterInAParameterNamesTheField() throws IOException {
        Answer search =
                get("/api/v1/organizations/" + fixture.primaryA1() + "/members?q=%D0%98%00", "application/json");
        Answer signIn = send(
                "POST /login",
                "text/html",
                "Content-Type: application/x-www-form-urlencoded\r\n",
                "username=a.admin%00&password=x");

        assertThat(search.status()).isEqualTo(400);
        assertThat(search.body())
                .contains("\"field\":\"q\"", "В поле «q» недопустимый управляющий символ U+0000 (позиция 2)");
        assertThat(signIn.status()).isEqualTo(400);
        assertThat(signIn.body()).contains("lang=\"ru\"", "В поле «username» недопустимый управляющий символ");
    }

    private Answer get(String target, String accept) throws IOException {
        return send("GET " + target, accept, "", null);
    }

    /** One HTTP/1.1 exchange over a socket, the request line exactly as given. */
    private Answer send(String requestLine, String accept, String headers, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String authorization = requestLine.contains(" /api/")
                ? "Authorization: Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (Fixture.ADMIN_A + ":" + Fixture.PASSWORD).getBytes(StandardCharsets.UTF_8))
                        + "\r\n"
                : "";
        String head = requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + accept + "\r\n" + authorization
                + headers + (body == null ? "" : "Content-Length: " + content.length + "\r\n")
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return Answer.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    record Answer(int status, String contentType, String body) {

        static Answer of(String response) {
            int headEnd = response.indexOf("\r\n\r\n");
            String head = response.substring(0, headEnd);
            int status = Integer.parseInt(head.substring(9, 12));
            String type = head.lines()
                    .filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .findFirst()
                    .orElse("");
            return new Answer(status, type, response.substring(headEnd + 4));
        }
    }
}
