package dev.agentops.hub.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Pending signups (see V012): a global table with no tenant, like the password-reset tokens. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SignupRequestRepository extends GenericRepository<SignupRequestRepository.Pending, UUID> {

    /** A pending signup: what its confirmation creates. */
    @MappedEntity("signup_requests")
    record Pending(@Id UUID id, String email, String passwordHash, String fullName, String organizationName) {
    }

    @Query("""
        insert into signup_requests (token_hash, email, password_hash, full_name, organization_name, expires_at)
        values (:tokenHash, :email, :passwordHash, :fullName, :organizationName, :expiresAt)""")
    void insert(String tokenHash, String email, String passwordHash, String fullName, String organizationName, Instant expiresAt);

    /** Spends the token: returns its signup when it was valid, unused and unexpired, exactly once. */
    default Optional<Pending> consume(String tokenHash) {
        return Optional.ofNullable(spend(tokenHash));
    }

    // the entity, not Optional: Micronaut Data maps an update's returning row to the declared type (an Optional got its
    // first column) and answers null, not empty, when no row was updated
    @Query("""
        update signup_requests set used_at = now()
         where token_hash = :tokenHash and used_at is null and expires_at > now()
        returning id, email, password_hash, full_name, organization_name""")
    @Nullable
    Pending spend(String tokenHash);

    /** Keeps the table small: requests a day past their expiry are of no use, not even to explain an error. */
    @Query("delete from signup_requests where expires_at < now() - interval '1 day'")
    int deleteExpired();
}
