package dev.agentops.hub.shared.db;

import java.util.Map;

/** Run in a child JVM by EmbeddedDatabaseRestartTest: starts the embedded server, says READY, waits to be killed. */
public final class OrphanMaker {

    private OrphanMaker() {
    }

    public static void main(String[] args) throws InterruptedException {
        DatabaseBootstrap.prepare(DatabaseSettings.from(Map.of("AGENTOPS_DATA_DIR", args[0])));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
