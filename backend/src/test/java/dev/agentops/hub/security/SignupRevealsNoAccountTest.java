package dev.agentops.hub.security;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Sql;
import dev.agentops.hub.support.TestDatabase;
import dev.agentops.hub.support.TestOutbox;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding (low): signup with an existing e-mail answered {@code 409 email_taken}, telling anyone which addresses have
 * an account. Signup now answers 202 for every address and creates nothing; a new address confirms by an e-mailed
 * link, an existing one's owner gets a notice. These tests run with the development outbox, which also puts a new
 * address's link into the answer ({@code confirm_url}); {@link SignupWithEmailDeliveryTest} covers real delivery.
 */
@MicronautTest(transactional = false)
class SignupRevealsNoAccountTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;

    @BeforeAll
    void setUp() {
        api = new Api(client);
    }

    @Test
    void anExistingAddressGetsThe202OfANewOneAndItsOwnerANotice() throws Exception {
        Api.Session owner = api.signup();
        Api.Response fresh = signup(newAddress(), "another passphrase 1");

        Api.Response taken = signup(owner.email(), "another passphrase 1");

        assertThat(taken.status()).isEqualTo(202).isEqualTo(fresh.status());
        assertThat(taken.data()).containsEntry("status", "confirmation_sent").containsEntry("confirm_url", null);
        assertThat(taken.data().keySet()).isEqualTo(fresh.data().keySet());
        String notice = TestOutbox.latestMail(owner.email(), "already has one");
        assertThat(notice).contains("/login").contains("/reset-password").doesNotContain("token=");
        assertThat(api.login(owner.email(), Api.PASSWORD).organizationId()).as("the account is unchanged").isEqualTo(owner.organizationId());
        assertThat(api.post("/api/v1/auth/login", Map.of("email", owner.email(), "password", "another passphrase 1"), null).status())
            .isEqualTo(401);
        assertThat(pendingSignupsOf(owner.email())).as("nothing to confirm for a taken address").isZero();
    }

    @Test
    void aNewAddressGetsALinkThatCreatesTheOrganizationAndSignsIn() throws Exception {
        String email = newAddress();
        Api.Response accepted = signup(email, Api.PASSWORD);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", Api.PASSWORD), null).status())
            .as("no account before the link is used").isEqualTo(401);
        String token = TestOutbox.latestLink(email, "/signup/confirm");
        assertThat(Api.tokenOf(String.valueOf(accepted.data().get("confirm_url")))).as("the answer's link is the e-mail's").isEqualTo(token);

        Api.Response confirmed = api.confirmSignup(token);

        assertThat(confirmed.status()).isEqualTo(201);
        assertThat(confirmed.header("Location")).isEqualTo("/api/v1/orgs/profile");
        String accessToken = String.valueOf(confirmed.data().get("access_token"));
        var me = api.get("/api/v1/auth/me", accessToken);
        assertThat(me.data()).containsEntry("role", "admin");
        @SuppressWarnings("unchecked")
        Map<String, Object> organization = (Map<String, Object>) me.data().get("organization");
        assertThat(organization).containsEntry("name", "Confirmed Org");
        assertThat(api.get("/api/v1/audit-logs", accessToken).list()).extracting(row -> row.get("action"))
            .contains("organization.created", "auth.signup");
        assertThat(api.login(email, Api.PASSWORD).accessToken()).isNotBlank();
        try (var owner = TestDatabase.ownerConnection()) {
            assertThat(Sql.count(owner, "select count(*) from users where email = ? and email_verified_at is not null", email))
                .as("the link proved the address").isEqualTo(1);
        }
    }

    @Test
    void aLinkWorksOnce() {
        String email = newAddress();
        String token = Api.tokenOf(String.valueOf(signup(email, Api.PASSWORD).data().get("confirm_url")));
        assertThat(api.confirmSignup(token).status()).isEqualTo(201);

        Api.Response again = api.confirmSignup(token);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("invalid_token");
    }

    @Test
    void expiredAndMadeUpLinksAreInvalidTokens() throws Exception {
        String email = newAddress();
        String token = Api.tokenOf(String.valueOf(signup(email, Api.PASSWORD).data().get("confirm_url")));
        try (var owner = TestDatabase.ownerConnection()) {
            Sql.update(owner, "update signup_requests set expires_at = now() - interval '1 second' where email = ?", email);
        }

        Api.Response expired = api.confirmSignup(token);
        Api.Response madeUp = api.confirmSignup("not-a-token-" + UUID.randomUUID());
        Api.Response empty = api.confirmSignup("");

        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.code()).isEqualTo("invalid_token");
        assertThat(madeUp.status()).isEqualTo(400);
        assertThat(madeUp.code()).isEqualTo("invalid_token");
        assertThat(madeUp.body().get("error")).isEqualTo(expired.body().get("error"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", Api.PASSWORD), null).status()).isEqualTo(401);
    }

    @Test
    void aSecondLinkOfAnAddressThatGotItsAccountIsAnInvalidTokenNotAConflict() {
        String email = newAddress();
        String first = Api.tokenOf(String.valueOf(signup(email, Api.PASSWORD).data().get("confirm_url")));
        String second = Api.tokenOf(String.valueOf(signup(email, "a different passphrase").data().get("confirm_url")));
        assertThat(api.confirmSignup(first).status()).isEqualTo(201);

        Api.Response late = api.confirmSignup(second);

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.code()).isEqualTo("invalid_token");
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", "a different passphrase"), null).status())
            .as("the first confirmation's password stays").isEqualTo(401);
    }

    @Test
    void aWeakPasswordIsRefusedForEveryAddressAlike() {
        Api.Session owner = api.signup();

        Api.Response taken = signup(owner.email(), "short");
        Api.Response fresh = signup(newAddress(), "short");

        assertThat(taken.status()).isEqualTo(400).isEqualTo(fresh.status());
        assertThat(taken.code()).isEqualTo("validation_failed").isEqualTo(fresh.code());
        assertThat(taken.body().get("error")).isEqualTo(fresh.body().get("error"));
    }

    private Api.Response signup(String email, String password) {
        return api.post("/api/v1/auth/signup", Map.of("email", email, "password", password,
            "full_name", "Signup Tester", "organization_name", "Confirmed Org"), null);
    }

    private static String newAddress() {
        return "signup-" + UUID.randomUUID() + "@example.com";
    }

    /** Open links (the owner's own signup left a spent one). */
    private static long pendingSignupsOf(String email) throws Exception {
        try (var owner = TestDatabase.ownerConnection()) {
            return Sql.count(owner, "select count(*) from signup_requests where email = ? and used_at is null", email);
        }
    }
}
