package dev.agentops.hub.approvals;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Role;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The binding rule of docs/api.md "Approvals" and who may decide, without a server. */
class ActionHashTest {

    private final JsonMapper json = JsonMapper.createDefault();
    private final UUID agent = UUID.randomUUID();
    private final UUID policy = UUID.randomUUID();

    @Test
    void keyOrderAndNumberSpellingDoNotChangeTheHashButAnyValueDoes() {
        Map<String, Object> checked = Map.of("type", "apply_discount", "target", "customer-42", "discount_percent", 15);
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("discount_percent", 15.0);
        reordered.put("type", "apply_discount");
        reordered.put("target", "customer-42");

        String hash = ActionHash.of(json, agent, checked, policy, 2);
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(ActionHash.of(json, agent, reordered, policy, 2)).isEqualTo(hash);
        assertThat(ActionHash.of(json, agent, Map.of("type", "apply_discount", "target", "customer-42", "discount_percent", 16),
            policy, 2)).isNotEqualTo(hash);
        assertThat(ActionHash.of(json, agent, checked, policy, 3)).as("another policy version").isNotEqualTo(hash);
        assertThat(ActionHash.of(json, UUID.randomUUID(), checked, policy, 2)).as("another agent").isNotEqualTo(hash);
    }

    @Test
    void anExternalActionPerformsItsPayloadWithItsTargetAndType() {
        Map<String, Object> executed = ActionHash.executed(Map.of("action_type", "apply_discount", "target", "customer-42",
            "payload", Map.of("discount_percent", 15), "approval_id", "ignored"));

        assertThat(executed).isEqualTo(Map.of("type", "apply_discount", "target", "customer-42", "discount_percent", 15));
        assertThat(ActionHash.executed(Map.of("action_type", "send_email"))).isEqualTo(Map.of("type", "send_email"));
    }

    @Test
    void aRoleEntryAdmitsThatRoleAndAboveAndAUserEntryOnlyThatPerson() {
        Actor lead = user(Role.TEAM_LEAD);
        Actor admin = user(Role.ADMIN);
        assertThat(Approvers.eligible(lead, List.of("role:team_lead"))).isTrue();
        assertThat(Approvers.eligible(admin, List.of("role:team_lead"))).isTrue();
        assertThat(Approvers.eligible(lead, List.of("role:admin"))).isFalse();
        assertThat(Approvers.eligible(lead, List.of("user:" + lead.id()))).isTrue();
        assertThat(Approvers.eligible(admin, List.of("user:" + lead.id()))).isFalse();
        Actor key = new Actor(Actor.Type.API_KEY, UUID.randomUUID(), UUID.randomUUID(), null, Set.of());
        assertThat(Approvers.eligible(key, List.of("role:viewer"))).isFalse();
        assertThat(Approvers.clean(List.of("role:boss", "user:not-a-uuid"))).isEqualTo(Approvers.DEFAULT);
        assertThat(Approvers.clean(List.of(" ROLE:Admin ", "role:admin"))).containsExactly("role:admin");
    }

    private static Actor user(Role role) {
        return new Actor(Actor.Type.USER, UUID.randomUUID(), UUID.randomUUID(), role, role.permissions());
    }
}
