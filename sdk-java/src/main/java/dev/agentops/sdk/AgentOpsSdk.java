package dev.agentops.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this SDK build. */
public final class AgentOpsSdk {

    /** The SDK version, taken from the Maven build (filtered {@code sdk.properties}). */
    public static final String VERSION = readVersion();

    private AgentOpsSdk() {
    }

    private static String readVersion() {
        try (InputStream in = AgentOpsSdk.class.getResourceAsStream("sdk.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/agentops/sdk/sdk.properties is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
