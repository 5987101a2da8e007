package dev.agentops.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK as a user gets it (issue 19): the packaged jars and the installed POM go into a throwaway local Maven
 * repository, a fresh project with exactly the README's dependency block compiles the README's quick start as it is
 * written, and running it against the real backend records a priced run. Runs with {@code mvn verify} (failsafe,
 * after the jars exist).
 *
 * <p>Without touching the user's {@code ~/.m2}: the nested Maven builds use their own local repository and read the
 * user's one as their first remote repository ({@code file:}), so they work offline once this build has resolved its
 * plugins and Jackson; whatever is missing there (say, a plugin on a fresh CI machine) comes from Maven Central as
 * usual. The SDK itself comes only from the throwaway repository.
 */
class ReadmeInstallIT {

    private static final Pattern INSTALL_BLOCK = Pattern.compile("## Install\\s+```xml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern QUICK_START = Pattern.compile("## Quick start\\s+```java\\n(.*?)```", Pattern.DOTALL);

    private final String version = required("agentops.version");
    private final Path target = Path.of(required("agentops.build.directory"));
    private Path work;

    @BeforeEach
    void workDirectory() throws IOException {
        work = Files.createTempDirectory("agentops-sdk-install");
    }

    @AfterEach
    void deleteWorkDirectory() throws IOException {
        try (var paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void readmeQuickStartCompilesAndRecordsAPricedRunFromTheInstalledSdk() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String dependency = section(INSTALL_BLOCK, readme, "the ```xml block under ## Install");
        String quickStart = section(QUICK_START, readme, "the ```java block under ## Quick start");
        assertTrue(dependency.contains("<version>" + version + "</version>"),
            "the README's dependency block names version " + version + ":\n" + dependency);

        Path settings = writeSettings();
        Path pom = target.resolve(".flattened-pom.xml");
        maven(work, settings, "org.apache.maven.plugins:maven-install-plugin:" + required("plugin.install") + ":install-file",
            "-Dfile=" + target.resolve("agentops-sdk-" + version + ".jar"),
            "-DpomFile=" + pom,
            "-Dsources=" + target.resolve("agentops-sdk-" + version + "-sources.jar"),
            "-Djavadoc=" + target.resolve("agentops-sdk-" + version + "-javadoc.jar"));
        Path installed = work.resolve("m2/dev/agentops/agentops-sdk/" + version);
        String installedPom = Files.readString(installed.resolve("agentops-sdk-" + version + ".pom"));
        // the bug of issue 19: a POM pointing at agentops-hub-parent cannot be resolved by anyone else
        assertFalse(installedPom.contains("<parent>"), installedPom);
        for (String element : List.of("<name>", "<description>", "<url>", "<licenses>", "<scm>", "<developers>")) {
            assertTrue(installedPom.contains(element), "the published POM needs " + element + ":\n" + installedPom);
        }
        assertTrue(Files.isRegularFile(installed.resolve("agentops-sdk-" + version + "-sources.jar")));
        assertTrue(Files.isRegularFile(installed.resolve("agentops-sdk-" + version + "-javadoc.jar")));

        Path consumer = work.resolve("consumer");
        Files.createDirectories(consumer.resolve("src/main/java/example"));
        Files.writeString(consumer.resolve("pom.xml"), consumerPom(dependency));
        Files.writeString(consumer.resolve("src/main/java/example/QuickStart.java"), """
            package example;

            import dev.agentops.sdk.*;
            import java.util.Map;

            public class QuickStart {
                public static void main(String[] args) throws Exception {
            %s    }
            }
            """.formatted(quickStart));
        maven(consumer, settings, "compile", "org.apache.maven.plugins:maven-dependency-plugin:"
            + required("plugin.dependency") + ":build-classpath", "-Dmdep.outputFile=classpath.txt");
        String classpath = consumer.resolve("target/classes") + java.io.File.pathSeparator
            + Files.readString(consumer.resolve("classpath.txt")).strip();
        assertTrue(classpath.contains(work.resolve("m2").toString()), "dependencies come from the throwaway repository");

        try (RealBackend backend = RealBackend.start()) {
            assertEquals("support-bot", backend.createAgent("Support bot", "support-bot"));
            String key = backend.createApiKey(List.of("ingest"));
            run(consumer, Map.of("AGENTOPS_API_KEY", key, "AGENTOPS_BASE_URL", backend.baseUrl()),
                java(), "-cp", classpath, "example.QuickStart");

            JsonNode runs = backend.get("/api/v1/runs").path("data");
            assertEquals(1, runs.size(), runs.toString());
            JsonNode run = runs.get(0);
            assertEquals("completed", run.path("status").asText(), run.toString());
            assertEquals("support-bot",
                backend.get("/api/v1/agents/" + run.path("agent_id").asText()).path("data").path("slug").asText());
            // gpt-4o: 1000 input tokens at $2.50/M and 200 output tokens at $10/M
            assertEquals(0, new BigDecimal("0.0045").compareTo(run.path("cost_usd").decimalValue()), run.toString());
            // the server logs which SDK sent each request
            assertTrue(Files.readString(backend.log()).contains("agentops-sdk-java/" + version), backend.tail());
        }
    }

    private static String section(Pattern pattern, String readme, String what) {
        Matcher matcher = pattern.matcher(readme);
        assertTrue(matcher.find(), "README.md has no " + what);
        return matcher.group(1);
    }

    private String consumerPom(String dependency) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>example</groupId>
              <artifactId>quick-start</artifactId>
              <version>1</version>
              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <dependencies>
            %s  </dependencies>
              <build>
                <plugins>
                  <plugin>
                    <artifactId>maven-resources-plugin</artifactId>
                    <version>%s</version>
                  </plugin>
                  <plugin>
                    <artifactId>maven-compiler-plugin</artifactId>
                    <version>%s</version>
                  </plugin>
                </plugins>
              </build>
            </project>
            """.formatted(dependency, required("plugin.resources"), required("plugin.compiler"));
    }

    /** A local repository of its own; the user's local one comes first among the remote ones, then Maven Central. */
    private Path writeSettings() throws IOException {
        Path settings = work.resolve("settings.xml");
        String users = Path.of(required("user.local.repository")).toUri().toString();
        Files.writeString(settings, """
            <settings>
              <localRepository>%s</localRepository>
              <profiles>
                <profile>
                  <id>users-local-repository</id>
                  <repositories>
                    <repository><id>users-local-repository</id><url>%s</url></repository>
                  </repositories>
                  <pluginRepositories>
                    <pluginRepository><id>users-local-repository</id><url>%s</url></pluginRepository>
                  </pluginRepositories>
                </profile>
              </profiles>
              <activeProfiles>
                <activeProfile>users-local-repository</activeProfile>
              </activeProfiles>
            </settings>
            """.formatted(work.resolve("m2"), users, users));
        return settings;
    }

    private void maven(Path directory, Path settings, String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of(
            Path.of(required("maven.home"), "bin", "mvn").toString(), "-B", "-ntp", "-s", settings.toString()));
        command.addAll(List.of(goals));
        run(directory, Map.of(), command.toArray(String[]::new));
    }

    private void run(Path directory, Map<String, String> environment, String... command) throws Exception {
        Path output = Files.createTempFile(work, "command", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AGENTOPS_") || name.equals("MAVEN_OPTS"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(finished && process.exitValue() == 0, String.join(" ", command) + " failed:\n" + log);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && !value.isBlank(),
            "system property " + property + " is set by the failsafe configuration in sdk-java/pom.xml: run mvn verify");
        return value;
    }
}
