package dev.agentops.hub.orgs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Serdeable
public record MemberResponse(UUID id, @Nullable UUID userId, String email, @Nullable String fullName, String role,
                             List<String> teams, String status, Instant createdAt) {

    static MemberResponse of(Member member) {
        return new MemberResponse(member.id(), member.userId(), member.email(), member.fullName(), member.role().key(),
            member.teams(), member.status(), member.createdAt());
    }
}
