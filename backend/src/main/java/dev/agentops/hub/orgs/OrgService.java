package dev.agentops.hub.orgs;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.Problems;
import jakarta.inject.Singleton;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import java.util.LinkedHashMap;
import java.util.Map;

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
            String timezone = request.timezone() != null ? checkedZone(request.timezone()) : before.timezone();
            boolean discoverAgents = request.discoverAgents() != null ? request.discoverAgents() : before.discoverAgents();
            organizations.update(before.id(), name, logoUrl, before.plan(), timezone, discoverAgents);
            Organization after = organizations.find(before.id()).orElseThrow();
            audit.record(before.id(), AuditActor.of(actor), AuditEvent.of("organization.updated", "organization", before.id())
                .beforeAfter(diff(before, after, true), diff(before, after, false)));
            return after;
        });
    }

    /** Region-based IANA names only ("Europe/Paris", "UTC"): fixed offsets would not follow daylight saving time. */
    private static String checkedZone(String name) {
        try {
            ZoneId zone = ZoneId.of(name.trim());
            if (zone instanceof ZoneOffset || !zone.getId().equals(name.trim())) {
                throw new DateTimeException("not a region name");
            }
            return zone.getId();
        } catch (DateTimeException e) {
            throw Problems.validation("timezone", "must be an IANA time zone name such as Europe/Paris or UTC");
        }
    }

    private static Map<String, Object> diff(Organization before, Organization after, boolean old) {
        Map<String, Object> changed = new LinkedHashMap<>();
        AuditEvent.putIfChanged(changed, "name", before.name(), after.name(), old);
        AuditEvent.putIfChanged(changed, "logo_url", before.logoUrl(), after.logoUrl(), old);
        AuditEvent.putIfChanged(changed, "timezone", before.timezone(), after.timezone(), old);
        AuditEvent.putIfChanged(changed, "discover_agents", before.discoverAgents(), after.discoverAgents(), old);
        AuditEvent.putIfChanged(changed, "plan", before.plan(), after.plan(), old);
        return changed;
    }
}
