package dev.agentops.hub.orgs;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

@Singleton
class OrgService {

    private final OrganizationRepository organizations;
    private final TenantTransactions tenants;
    private final AuditTrail audit;

    OrgService(OrganizationRepository organizations, TenantTransactions tenants, AuditTrail audit) {
        this.organizations = organizations;
        this.tenants = tenants;
        this.audit = audit;
    }

    Organization profile(Actor actor) {
        return tenants.read(actor.organizationId(), () -> organizations.find(actor.organizationId()).orElseThrow());
    }

    Organization update(Actor actor, OrgRequests.ProfileUpdate request) {
        return tenants.write(actor.organizationId(), () -> {
            Organization before = organizations.find(actor.organizationId()).orElseThrow();
            String name = request.name() != null ? request.name().trim() : before.name();
            String logoUrl = request.logoUrl() != null ? (request.logoUrl().isBlank() ? null : request.logoUrl()) : before.logoUrl();
            String plan = before.plan();
            organizations.update(before.id(), name, logoUrl, plan);
            Organization after = organizations.find(before.id()).orElseThrow();
            audit.record(before.id(), AuditActor.of(actor), AuditEvent.of("organization.updated", "organization", before.id())
                .beforeAfter(diff(before, after, true), diff(before, after, false)));
            return after;
        });
    }

    private static Map<String, Object> diff(Organization before, Organization after, boolean old) {
        Map<String, Object> changed = new LinkedHashMap<>();
        if (!Objects.equals(before.name(), after.name())) {
            changed.put("name", old ? before.name() : after.name());
        }
        if (!Objects.equals(before.logoUrl(), after.logoUrl())) {
            changed.put("logo_url", old ? before.logoUrl() : after.logoUrl());
        }
        if (!Objects.equals(before.plan(), after.plan())) {
            changed.put("plan", old ? before.plan() : after.plan());
        }
        return changed;
    }
}
