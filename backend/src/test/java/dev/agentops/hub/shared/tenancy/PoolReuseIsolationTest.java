package dev.agentops.hub.shared.tenancy;

import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.TenantSeed;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.agentops.hub.support.Sql.column;
import static dev.agentops.hub.support.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pooled connections are reused across organizations all the time; a setting that leaked from one unit of work
 * into the next would show another tenant's rows. Two connections, thousands of alternating units, eight threads.
 */
@MicronautTest(transactional = false)
class PoolReuseIsolationTest extends AppTest {

    private static final int UNITS = 4000;

    @Inject TenantTransactions tenants;
    @Inject TransactionOperations<Connection> tx;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("datasources.default.maximum-pool-size", "2", "datasources.default.minimum-idle", "2");
    }

    @Test
    void alternatingOrganizationsOnTwoPooledConnectionsNeverSeeEachOthersRows() throws Exception {
        UUID orgA = TenantSeed.organizationWithOneRowEverywhere(tenants, tx);
        UUID orgB = TenantSeed.organizationWithOneRowEverywhere(tenants, tx);
        Set<Object> backends = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < UNITS; i++) {
                int unit = i;
                UUID org = i % 2 == 0 ? orgA : orgB;
                futures.add(pool.submit(() -> runUnit(unit, org, backends, failures)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).isEmpty();
        assertThat(backends).hasSize(2);
    }

    private void runUnit(int unit, UUID org, Set<Object> backends, ConcurrentLinkedQueue<String> failures) {
        try {
            switch (unit % 4) {
                case 0, 1 -> tenants.run(org, () -> {
                    Connection c = tx.getConnection();
                    backends.add(column(c, "select pg_backend_pid()").get(0));
                    List<Object> orgsSeen = column(c, "select distinct organization_id from agents");
                    if (!orgsSeen.equals(List.of(org))) {
                        failures.add("unit " + unit + " for " + org + " saw " + orgsSeen);
                    }
                });
                // a unit that forgot its tenant scope must see nothing, whatever ran on that connection before
                case 2 -> tx.executeRead(status -> {
                    long rows = count(status.getConnection(), "select count(*) from agents");
                    if (rows != 0) {
                        failures.add("unscoped unit " + unit + " saw " + rows + " agents");
                    }
                    return null;
                });
                default -> {
                    try {
                        tenants.run(org, () -> {
                            column(tx.getConnection(), "select count(*) from runs");
                            throw new IllegalStateException("boom");
                        });
                    } catch (IllegalStateException expected) {
                        // the failed unit's rollback must leave no setting behind either
                    }
                }
            }
        } catch (RuntimeException e) {
            failures.add("unit " + unit + " threw " + e);
        }
    }
}
