package dev.agentops.hub.audit;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.agentops.hub.support.Sql.column;
import static dev.agentops.hub.support.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AuditChainTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void anIntactChainVerifies() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.apiKey(admin, "read");
        var result = api.get("/api/v1/audit-logs/verify", admin.accessToken()).data();
        assertThat(result).containsEntry("valid", true).containsEntry("first_broken_id", null);
        assertThat(((Number) result.get("checked")).intValue()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRowChangedBehindTheAppsBackIsNamed() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.apiKey(admin, "read");
        api.apiKey(admin, "ingest");
        UUID tampered = asOwner(admin.organizationId(), owner -> {
            UUID id = (UUID) column(owner, "select id from audit_logs where organization_id = ? and seq = 3", admin.organizationId()).get(0);
            update(owner, "update audit_logs set changes = '{\"name\": \"innocent\"}' where id = ?", id);
            return id;
        });
        var result = api.get("/api/v1/audit-logs/verify", admin.accessToken()).data();
        assertThat(result).containsEntry("valid", false).containsEntry("first_broken_id", tampered.toString());
    }

    @Test
    void aDeletedRowBreaksTheChainAtItsSuccessor() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.apiKey(admin, "read");
        api.apiKey(admin, "ingest");
        UUID successor = asOwner(admin.organizationId(), owner -> {
            update(owner, "delete from audit_logs where organization_id = ? and seq = 2", admin.organizationId());
            return (UUID) column(owner, "select id from audit_logs where organization_id = ? and seq = 3", admin.organizationId()).get(0);
        });
        var result = api.get("/api/v1/audit-logs/verify", admin.accessToken()).data();
        assertThat(result).containsEntry("valid", false).containsEntry("first_broken_id", successor.toString());
    }

    @Test
    void filtersAndCursorPagingWalkTheTrailNewestFirst() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        for (int i = 0; i < 3; i++) {
            api.apiKey(admin, "read");
        }
        var first = api.get("/api/v1/audit-logs?action=api_key.created&limit=2", admin.accessToken());
        assertThat(first.list()).hasSize(2);
        @SuppressWarnings("unchecked")
        String cursor = String.valueOf(((Map<String, Object>) first.body().get("page")).get("next_cursor"));
        var second = api.get("/api/v1/audit-logs?action=api_key.created&limit=2&cursor=" + cursor, admin.accessToken());
        assertThat(second.list()).hasSize(1);
        List<Object> seqs = List.of(first.list().get(0).get("seq"), first.list().get(1).get("seq"), second.list().get(0).get("seq"));
        assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(((Number) b).longValue(), ((Number) a).longValue()));
        assertThat(api.get("/api/v1/audit-logs?cursor=garbage!", admin.accessToken()).code()).isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/audit-logs?limit=500", admin.accessToken()).code()).isEqualTo("validation_failed");
    }

    private interface OwnerWork<T> {
        T run(Connection owner) throws Exception;
    }

    /** The owner role is bound by FORCE RLS too: it must name the organization, like a data-fix migration would. */
    private static <T> T asOwner(UUID organizationId, OwnerWork<T> work) throws Exception {
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            column(owner, "select set_config('app.org_id', ?, true)", organizationId.toString());
            T result = work.run(owner);
            owner.commit();
            return result;
        }
    }
}
