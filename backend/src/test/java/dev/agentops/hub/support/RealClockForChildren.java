package dev.agentops.hub.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * The clock-shifted run (backend/pom.xml) preloads libfaketime into this JVM only. PostgreSQL and Redis keep the real
 * clock: libfaketime makes Redis's clock run too fast and stalls PostgreSQL, and neither holds the dates a test could
 * get wrong (the application computes every "last 24 h", "today" and default range from its own clock). So the
 * variables that carry the preload are removed from the environment that this JVM hands to the processes it starts,
 * before the first test runs (registered in META-INF/services).
 */
public final class RealClockForChildren implements LauncherSessionListener {

    private static final String[] VARIABLES = {"LD_PRELOAD", "FAKETIME", "FAKETIME_DONT_FAKE_MONOTONIC"};

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String preload = System.getenv("LD_PRELOAD");
        if (preload == null || !preload.contains("faketime")) {
            return;
        }
        try {
            // ProcessBuilder copies ProcessEnvironment's map for every child; edit that map (needs --add-opens).
            Class<?> processEnvironment = Class.forName("java.lang.ProcessEnvironment");
            Field field = processEnvironment.getDeclaredField("theEnvironment");
            field.setAccessible(true);
            Map<?, ?> environment = (Map<?, ?>) field.get(null);
            environment.keySet().removeIf(key -> {
                for (String variable : VARIABLES) {
                    if (key.toString().equals(variable)) {
                        return true;
                    }
                }
                return false;
            });
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not keep libfaketime away from child processes", e);
        }
    }
}
