package dev.agentops.hub.webhooks;

import dev.agentops.hub.shared.security.SecretBox;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.HookReceiver;
import dev.agentops.hub.support.Sql;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The SSRF guard with its production default (private addresses refused), at save and at send time. */
@MicronautTest(transactional = false)
class WebhookSsrfTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tenants;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    SecretBox box;
    @Inject
    UrlGuard guard;

    @Test
    void urlsOfNonPublicAddressesAndPlainHttpAreRefusedAtSave() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        assertThat(guard.allowsPrivate()).isFalse();
        for (String url : List.of("https://localhost:8443/hook", "https://127.0.0.1/hook", "https://10.1.2.3/hook",
            "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://[fd00::1]/hook", "https://100.64.0.1/hook",
            "http://example.com/hook", "https://user:pass@example.com/hook")) {
            var refused = api.post("/api/v1/webhooks", Map.of("url", url, "event_types", List.of("webhook.test")), admin.accessToken());
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.code()).as(url).isEqualTo("validation_failed");
            assertThat(refused.body().get("error").toString()).as(url).contains("url");
        }
        var localhost = api.post("/api/v1/webhooks", Map.of("url", "https://localhost/hook", "event_types", List.of("webhook.test")),
            admin.accessToken());
        assertThat(localhost.body().get("error").toString()).contains("url: must be a public https address");
        assertThat(api.get("/api/v1/webhooks", admin.accessToken()).list()).isEmpty();
    }

    @Test
    void aDeliveryToAHostThatNowResolvesToLoopbackFailsAtSendWithoutACall() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        try (HookReceiver receiver = new HookReceiver()) {
            // saved while the name pointed elsewhere (DNS answers change): written directly, as the API cannot
            UUID id = UUID.randomUUID();
            tenants.run(admin.organizationId(), () -> Sql.update(tx.getConnection(), """
                insert into webhook_endpoints (id, organization_id, url, kind, event_types, secret_box)
                values (?, ?, ?, 'generic', '{webhook.test}', ?)""", id, admin.organizationId(),
                "https://localhost:" + receiver.port() + "/hook", box.encrypt("whsec_x")));
            assertThat(api.post("/api/v1/webhooks/" + id + "/test", null, admin.accessToken()).status()).isEqualTo(202);
            Map<String, Object> failed = WebhookDeliveryTest.awaitDelivery(api, admin, id.toString(), d -> "failed".equals(d.get("status")));
            assertThat(failed.get("last_error").toString()).contains("localhost").contains("loopback");
            assertThat(failed).containsEntry("last_status_code", null).containsEntry("next_attempt_at", null);
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void everyNonPublicRangeIsNamedAndPublicAddressesPass() throws Exception {
        Map<String, String> expected = Map.ofEntries(
            Map.entry("127.0.0.1", "loopback"), Map.entry("127.8.9.10", "loopback"), Map.entry("::1", "loopback"),
            Map.entry("0.0.0.0", "unspecified"), Map.entry("::", "unspecified"),
            Map.entry("10.0.0.1", "private"), Map.entry("172.16.0.1", "private"), Map.entry("172.31.255.255", "private"),
            Map.entry("192.168.1.1", "private"), Map.entry("fc00::1", "private"), Map.entry("fdab::1", "private"),
            Map.entry("169.254.169.254", "link-local"), Map.entry("fe80::1", "link-local"),
            Map.entry("100.64.0.1", "carrier-grade NAT"), Map.entry("100.127.255.254", "carrier-grade NAT"),
            Map.entry("224.0.0.1", "multicast"), Map.entry("ff02::1", "multicast"),
            Map.entry("::ffff:10.0.0.1", "private"), Map.entry("64:ff9b::7f00:1", "loopback"));
        for (var entry : expected.entrySet()) {
            assertThat(UrlGuard.nonPublic(InetAddress.getByName(entry.getKey()))).as(entry.getKey()).contains(entry.getValue());
        }
        for (String address : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "64:ff9b::808:808")) {
            assertThat(UrlGuard.nonPublic(InetAddress.getByName(address))).as(address).isEmpty();
        }
    }
}
