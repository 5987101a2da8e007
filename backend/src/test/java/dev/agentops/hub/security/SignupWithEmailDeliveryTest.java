package dev.agentops.hub.security;

import dev.agentops.hub.shared.email.EmailSender;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.RecordingEmailSender;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With e-mail delivery configured the two signup answers are the same byte for byte: the link goes only to the
 * address's inbox, so a caller learns nothing about whether the address has an account.
 */
@MicronautTest(transactional = false)
class SignupWithEmailDeliveryTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmailSender email;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.email.recording", "true");
    }

    @Test
    void newAndExistingAddressesGetTheSameAnswerAndOnlyTheInboxGetsTheLink() throws Exception {
        Api api = new Api(client);
        RecordingEmailSender inbox = (RecordingEmailSender) email;
        String existing = "owner-" + UUID.randomUUID() + "@example.com";
        confirm(api, inbox, existing);
        String fresh = "new-" + UUID.randomUUID() + "@example.com";

        Api.Response forExisting = signup(api, existing);
        Api.Response forNew = signup(api, fresh);

        assertThat(forExisting.status()).isEqualTo(202).isEqualTo(forNew.status());
        assertThat(forExisting.body()).isEqualTo(forNew.body()).isEqualTo(Map.of("data", withNullConfirmUrl()));
        assertThat(inbox.latest(existing, "already has one").subject()).contains("tried to sign up");
        Api.Response confirmed = confirm(api, inbox, fresh);
        assertThat(confirmed.status()).isEqualTo(201);
    }

    private static Map<String, Object> withNullConfirmUrl() {
        Map<String, Object> data = new java.util.HashMap<>();
        data.put("status", "confirmation_sent");
        data.put("confirm_url", null);
        return data;
    }

    private static Api.Response signup(Api api, String address) {
        return api.post("/api/v1/auth/signup", Map.of("email", address, "password", Api.PASSWORD,
            "full_name", "Mail Tester", "organization_name", "Mail Org"), null);
    }

    private static Api.Response confirm(Api api, RecordingEmailSender inbox, String address) throws InterruptedException {
        if (signup(api, address).status() != 202) {
            throw new AssertionError("signup failed for " + address);
        }
        Matcher link = Pattern.compile("/signup/confirm\\?token=(\\S+)").matcher(inbox.latest(address, "/signup/confirm").body());
        assertThat(link.find()).isTrue();
        return api.confirmSignup(link.group(1));
    }
}
