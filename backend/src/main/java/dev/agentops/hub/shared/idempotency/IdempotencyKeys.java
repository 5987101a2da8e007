package dev.agentops.hub.shared.idempotency;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The stored keys: claim, complete, release. Each call is one short tenant transaction. */
@Singleton
class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);
    /** How long a claimed key may stay without a response before another request may take it over. */
    static final Duration LEASE = Duration.ofSeconds(60);

    record Scope(UUID organizationId, UUID credentialId, String key) {
    }

    record StoredResponse(int status, String body, String location) {
    }

    sealed interface Claim {
        /** This request holds the key and runs. */
        record Acquired() implements Claim {
        }

        record Replay(StoredResponse response) implements Claim {
        }

        record InProgress() implements Claim {
        }

        record Reused() implements Claim {
        }
    }

    private final Jdbc jdbc;
    private final TenantTransactions tenants;

    IdempotencyKeys(Jdbc jdbc, TenantTransactions tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    Claim claim(Scope scope, String requestHash) {
        return tenants.write(scope.organizationId(), () -> {
            if (ThreadLocalRandom.current().nextInt(100) == 0) {
                // expired keys of the organization go now and then; an expired key met before that is taken over below
                jdbc.update("delete from idempotency_keys where organization_id = ? and expires_at < now()", scope.organizationId());
            }
            int inserted = jdbc.update("""
                insert into idempotency_keys (organization_id, credential_id, idempotency_key, request_hash, locked_until, expires_at)
                values (?, ?, ?, ?, now() + make_interval(secs => ?), now() + make_interval(secs => ?))
                on conflict do nothing""",
                scope.organizationId(), scope.credentialId(), scope.key(), requestHash, LEASE.toSeconds(), RETENTION.toSeconds());
            if (inserted == 1) {
                return new Claim.Acquired();
            }
            // an expired key, or a lease nobody completed, is taken over as if new; the row lock orders racing takers
            int takenOver = jdbc.update("""
                update idempotency_keys set request_hash = ?, locked_until = now() + make_interval(secs => ?),
                       response_status = null, response_body = null, response_location = null, created_at = now(),
                       expires_at = now() + make_interval(secs => ?)
                 where organization_id = ? and credential_id = ? and idempotency_key = ?
                   and (expires_at < now() or (response_status is null and locked_until < now()
                        and request_hash = ?))""",
                requestHash, LEASE.toSeconds(), RETENTION.toSeconds(), scope.organizationId(), scope.credentialId(),
                scope.key(), requestHash);
            if (takenOver == 1) {
                return new Claim.Acquired();
            }
            Optional<Claim> existing = jdbc.queryOne("""
                select request_hash, response_status, response_body, response_location from idempotency_keys
                 where organization_id = ? and credential_id = ? and idempotency_key = ?""",
                row -> {
                    if (!requestHash.equals(row.string("request_hash"))) {
                        return new Claim.Reused();
                    }
                    Long status = row.nullableLong("response_status");
                    return status == null ? new Claim.InProgress()
                        : new Claim.Replay(new StoredResponse(status.intValue(), row.string("response_body"),
                            row.string("response_location")));
                },
                scope.organizationId(), scope.credentialId(), scope.key());
            // deleted between the statements (a release): treat as in flight, the client retries
            return existing.orElse(new Claim.InProgress());
        });
    }

    void complete(Scope scope, StoredResponse response) {
        tenants.run(scope.organizationId(), () -> jdbc.update("""
            update idempotency_keys set response_status = ?, response_body = ?, response_location = ?, locked_until = null
             where organization_id = ? and credential_id = ? and idempotency_key = ?""",
            response.status(), response.body(), response.location(), scope.organizationId(), scope.credentialId(), scope.key()));
    }

    void release(Scope scope) {
        tenants.run(scope.organizationId(), () -> jdbc.update("""
            delete from idempotency_keys where organization_id = ? and credential_id = ? and idempotency_key = ?
               and response_status is null""",
            scope.organizationId(), scope.credentialId(), scope.key()));
    }
}
