package dev.agentops.hub.shared.concurrent;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a worker pass on at most one thread of this instance at a time: a call that finds a pass running asks it for
 * one more pass and returns, so a wake-up during a pass is never lost and passes never pile up.
 */
public final class SingleRunner {

    private final AtomicBoolean again = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();

    public void run(Runnable pass) {
        again.set(true);
        while (again.get() && lock.tryLock()) {
            try {
                again.set(false);
                pass.run();
            } finally {
                lock.unlock();
            }
        }
    }
}
