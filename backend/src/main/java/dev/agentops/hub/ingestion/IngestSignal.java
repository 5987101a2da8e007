package dev.agentops.hub.ingestion;

import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wakes idle workers as soon as a batch is committed on this instance; other instances find it by polling. */
@Singleton
class IngestSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();

    void wake() {
        lock.lock();
        try {
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void await(long millis) throws InterruptedException {
        lock.lock();
        try {
            ready.await(millis, TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }
}
