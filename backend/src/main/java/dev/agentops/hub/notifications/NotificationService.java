package dev.agentops.hub.notifications;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Paging;
import dev.agentops.hub.shared.web.Problems;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * Reads and read state of notifications. Hand-written SQL: every read joins the caller's read rows, which a derived
 * repository query cannot express.
 */
@Singleton
class NotificationService {

    private static final String COLUMNS = """
        n.id, n.type, n.severity, n.title, n.body, n.link, n.data, n.created_at, r.read_at
          from notifications n
          left join notification_reads r on r.notification_id = n.id and r.user_id = ?""";

    /** Read state belongs to a person: an API key has none, so it gets 403 like on the live stream. */
    private static final String USERS_ONLY = "Notifications are for signed-in users; API keys cannot read them.";

    private final TenantTransactions tenants;
    private final Jdbc jdbc;

    NotificationService(TenantTransactions tenants, Jdbc jdbc) {
        this.tenants = tenants;
        this.jdbc = jdbc;
    }

    NotificationList list(Actor actor, boolean unreadOnly, String cursor, Integer requestedLimit) {
        UUID user = actor.requireUser(USERS_ONLY);
        int limit = Paging.limit(requestedLimit);
        Paging.TimeAndId after = Paging.decodeTimeAndId(cursor);
        return tenants.read(actor.organizationId(), () -> {
            List<NotificationResponse> rows = jdbc.query("select " + COLUMNS + " " + """
                 where n.organization_id = ?
                   and (not ?::boolean or r.read_at is null)
                   and (?::timestamptz is null or (n.created_at, n.id) < (?::timestamptz, ?::uuid))
                 order by n.created_at desc, n.id desc
                 limit ?""", NotificationService::map, user, actor.organizationId(), unreadOnly,
                after == null ? null : after.at(), after == null ? null : after.at(), after == null ? null : after.id(), limit + 1);
            ListResponse<NotificationResponse> page = Paging.page(rows, limit,
                n -> new Paging.TimeAndId(n.createdAt(), n.id()).key());
            return new NotificationList(page.data(), page.page(), countUnread(actor.organizationId(), user));
        });
    }

    long unreadCount(Actor actor) {
        UUID user = actor.requireUser(USERS_ONLY);
        return tenants.read(actor.organizationId(), () -> countUnread(actor.organizationId(), user));
    }

    NotificationResponse markRead(Actor actor, UUID id) {
        UUID user = actor.requireUser(USERS_ONLY);
        return tenants.write(actor.organizationId(), () -> {
            jdbc.update("""
                insert into notification_reads (organization_id, notification_id, user_id)
                select organization_id, id, ? from notifications where organization_id = ? and id = ?
                on conflict (notification_id, user_id) do nothing""", user, actor.organizationId(), id);
            return jdbc.queryOne("select " + COLUMNS + " where n.organization_id = ? and n.id = ?", NotificationService::map,
                user, actor.organizationId(), id).orElseThrow(() -> Problems.notFound("notification", id));
        });
    }

    long markAllRead(Actor actor) {
        UUID user = actor.requireUser(USERS_ONLY);
        return tenants.write(actor.organizationId(), () -> jdbc.update("""
            insert into notification_reads (organization_id, notification_id, user_id)
            select n.organization_id, n.id, ? from notifications n
             where n.organization_id = ?
               and not exists (select 1 from notification_reads r where r.notification_id = n.id and r.user_id = ?)
            on conflict (notification_id, user_id) do nothing""", user, actor.organizationId(), user));
    }

    private long countUnread(UUID org, UUID user) {
        return jdbc.queryOne("""
            select count(*) as unread from notifications n
             where n.organization_id = ?
               and not exists (select 1 from notification_reads r where r.notification_id = n.id and r.user_id = ?)""",
            row -> row.longValue("unread"), org, user).orElse(0L);
    }

    private static NotificationResponse map(Jdbc.Row row) throws java.sql.SQLException {
        return new NotificationResponse(row.uuid("id"), row.string("type"), row.string("severity"), row.string("title"),
            row.string("body"), row.string("link"), row.jsonObject("data"), row.instant("created_at"), row.instant("read_at"));
    }
}
