package dev.agentops.hub.ingestion;

import jakarta.inject.Singleton;

/** Wakes idle workers as soon as a batch is committed on this instance; other instances find it by polling. */
@Singleton
class IngestSignal {

    synchronized void wake() {
        notifyAll();
    }

    synchronized void await(long millis) throws InterruptedException {
        wait(Math.max(1, millis)); // wait(0) would wait for ever
    }
}
