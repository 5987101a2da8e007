package dev.agentops.hub.shared.tenancy;

import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.TenantSeed;
import dev.agentops.hub.support.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import static dev.agentops.hub.support.Sql.column;
import static dev.agentops.hub.support.Sql.count;
import static dev.agentops.hub.support.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class RowLevelSecurityTest extends AppTest {

    @Inject TenantTransactions tenants;
    @Inject TransactionOperations<Connection> tx;

    UUID orgA;
    UUID orgB;
    List<String> tenantTables;

    @BeforeAll
    void seedTwoOrganizations() throws Exception {
        orgA = TenantSeed.organizationWithOneRowEverywhere(tenants, tx);
        orgB = TenantSeed.organizationWithOneRowEverywhere(tenants, tx);
        try (Connection owner = TestDatabase.ownerConnection()) {
            tenantTables = column(owner, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p')
                   and (c.relname = 'organizations' or exists (select 1 from pg_attribute a
                        where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped))
                 order by 1""").stream().map(String::valueOf).toList();
        }
    }

    @Test
    void everyTenantTableForcesRowLevelSecurityWithAPolicy() throws Exception {
        assertThat(tenantTables).contains("organizations", "agents", "runs", "events", "audit_logs", "budgets");
        try (Connection owner = TestDatabase.ownerConnection()) {
            List<Object> unprotected = column(owner, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relname = any(?)
                   and (not c.relrowsecurity or not c.relforcerowsecurity
                        or not exists (select 1 from pg_policy p where p.polrelid = c.oid))""",
                owner.createArrayOf("text", tenantTables.toArray()));
            assertThat(unprotected).as("tenant tables without ENABLE + FORCE RLS and a policy").isEmpty();
        }
    }

    @Test
    void applicationRoleOwnsNothingAndCannotBypassPolicies() throws Exception {
        String appRole = TestDatabase.get().appUser();
        try (Connection owner = TestDatabase.ownerConnection()) {
            assertThat(column(owner, "select rolsuper or rolbypassrls from pg_roles where rolname = ?", appRole))
                .containsExactly(false);
            assertThat(count(owner, """
                select (select count(*) from pg_class where relowner = r.oid)
                     + (select count(*) from pg_proc where proowner = r.oid)
                     + (select count(*) from pg_namespace where nspowner = r.oid)
                  from pg_roles r where rolname = ?""", appRole)).isZero();
        }
        try (Connection app = TestDatabase.appConnection()) {
            assertThatThrownBy(() -> update(app, "create table sneaky (id int)")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> update(app, "alter table runs disable row level security")).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> update(app, "delete from audit_logs")).hasMessageContaining("permission denied");
        }
    }

    @Test
    void withoutAnOrganizationEveryTenantTableLooksEmpty() throws Exception {
        for (String table : tenantTables) {
            long visibleInTransaction = tx.executeRead(status -> count(status.getConnection(), "select count(*) from " + table));
            assertThat(visibleInTransaction).as(table + " inside a plain transaction").isZero();
        }
        try (Connection app = TestDatabase.appConnection()) {
            for (String table : tenantTables) {
                assertThat(count(app, "select count(*) from " + table)).as(table + " over raw JDBC").isZero();
            }
        }
    }

    @Test
    void anOrganizationSeesOnlyItsOwnRowsInEveryTenantTable() {
        for (String table : tenantTables) {
            String orgColumn = table.equals("organizations") ? "id" : "organization_id";
            tenants.run(orgA, () -> {
                Connection c = tx.getConnection();
                assertThat(count(c, "select count(*) from " + table)).as(table + " rows of A (seed one per table)").isPositive();
                assertThat(count(c, "select count(*) from " + table + " where " + orgColumn + " <> ?", orgA))
                    .as(table + " rows of other organizations").isZero();
                assertThat(count(c, "select count(*) from " + table + " where " + orgColumn + " = ?", orgB))
                    .as(table + " rows of B by id").isZero();
            });
        }
    }

    @Test
    void anOrganizationCannotChangeOrCreateAnotherOrganizationsRows() {
        tenants.run(orgA, () -> {
            Connection c = tx.getConnection();
            assertThat(update(c, "update agents set name = 'hijacked' where organization_id = ?", orgB)).isZero();
            assertThat(update(c, "delete from runs where organization_id = ?", orgB)).isZero();
        });
        assertThatThrownBy(() -> tenants.run(orgA, () -> update(tx.getConnection(),
            "insert into agents (organization_id, name, slug) values (?, 'smuggled', 'smuggled')", orgB)))
            .hasMessageContaining("row-level security");
        assertThatThrownBy(() -> tenants.run(orgA, () -> update(tx.getConnection(),
            "update agents set organization_id = ? where organization_id = ?", orgB, orgA)))
            .hasMessageContaining("row-level security");
        tenants.run(orgB, () -> assertThat(count(tx.getConnection(),
            "select count(*) from agents where name in ('hijacked', 'smuggled')")).isZero());
    }

    @Test
    void theSettingEndsWithTheTransaction() {
        tenants.run(orgA, () -> { });
        String after = tx.executeRead(status -> String.valueOf(
            column(status.getConnection(), "select current_setting('app.org_id', true)").get(0)));
        assertThat(after).isIn("", "null");
    }

    @Test
    void nestingAnotherOrganizationIsRefused() {
        assertThatThrownBy(() -> tenants.run(orgA, () -> tenants.run(orgB, () -> { })))
            .isInstanceOf(IllegalStateException.class);
    }
}
