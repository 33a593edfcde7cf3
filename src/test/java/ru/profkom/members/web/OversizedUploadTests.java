package ru.profkom.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * A 200 MB file, over the 100 MB limit of the application's own configuration, really sent over HTTP: the body
 * is streamed (never held in memory) to the running server. The page answers with the import form and a Russian
 * error on the file field naming the size, the API with a Russian problem detail and status 413, and nothing is
 * stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestSupportConfiguration.class)
class OversizedUploadTests {

    private static final long FILE_BYTES = 200L * 1024 * 1024;
    private static final String BOUNDARY = "----profkom-oversized-upload";
    private static final Pattern CSRF_HEADER =
            Pattern.compile("data-csrf-header=\"([^\"]+)\" data-csrf-token=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Fixture fixture;

    @Autowired
    DatabaseSnapshot database;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void theApiRefusesA200MegabyteFileWith413AndARussianProblem() throws Exception {
        DatabaseSnapshot.Content before = database.take();

        HttpResponse<String> response = http.send(
                upload("/api/v1/organizations/" + fixture.primaryA1() + "/member-imports")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((Fixture.ADMIN_A + ":" + Fixture.PASSWORD)
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(response.body())
                .contains(
                        "\"status\":413",
                        "\"field\":\"file\"",
                        "Файл больше 100 МБ: 200,0 МБ. Разделите его на части.");
        database.assertUnchangedSince(before);
    }

    @Test
    void thePageShowsTheSizeOnTheFileField() throws Exception {
        signIn(Fixture.ADMIN_A);
        String form = get("/orgs/" + fixture.primaryA1() + "/members/import").body();
        Matcher token = CSRF_HEADER.matcher(form);
        assertThat(token.find())
                .as("the upload form names the CSRF header and its token for its script")
                .isTrue();
        assertThat(form)
                .as("the token never travels in an address, where logs and the Referer keep it")
                .doesNotContain("?_csrf=", "&amp;_csrf=");
        DatabaseSnapshot.Content before = database.take();

        HttpResponse<String> response = http.send(
                upload("/orgs/" + fixture.primaryA1() + "/members/import")
                        .header(token.group(1), token.group(2))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .contains("data-testid=\"file-error\"")
                .contains("Файл больше 100 МБ: 200,0 МБ. Разделите его на части.");
        database.assertUnchangedSince(before);
    }

    /** A multipart request whose one file part holds 200 MB of CSV lines, produced while it is sent. */
    private HttpRequest.Builder upload(String path) {
        byte[] head = ("--" + BOUNDARY + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n"
                        + "ФИО;Дата рождения\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = head.length + FILE_BYTES + tail.length;
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(
                                () -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
                                        new ByteArrayInputStream(head),
                                        new RepeatedLines(FILE_BYTES),
                                        new ByteArrayInputStream(tail))))),
                        length));
    }

    private void signIn(String login) throws IOException, InterruptedException {
        Matcher token = CSRF_FIELD.matcher(get("/login").body());
        assertThat(token.find()).isTrue();
        String form = "username=" + login + "&password=" + URLEncoder.encode(Fixture.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** {@code length} bytes of one CSV line over and over, made as they are read. */
    private static final class RepeatedLines extends InputStream {
        private static final byte[] LINE = "Иванов Иван Иванович;01.01.1980\r\n".getBytes(StandardCharsets.UTF_8);
        private long left;
        private int position;

        RepeatedLines(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int count = (int) Math.min(length, left);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = LINE[position];
                position = (position + 1) % LINE.length;
            }
            left -= count;
            return count;
        }
    }
}
