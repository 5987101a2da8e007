package dev.agentops.hub.docs;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the operator documents (README.md and docs/*.md) true to the code: every shell block marked
 * {@code <!-- docs-test: run -->} runs against this real server and must exit 0; every relative link (and its
 * #anchor) resolves; every configuration variable the documents name is in .env.example. Blocks that need Docker, a
 * cloud CLI or a database superuser are not marked (no Docker registry or cloud account on the build machine).
 */
@MicronautTest(transactional = false)
class DocsCommandsTest extends AppTest {

    static final String RUN_MARKER = "<!-- docs-test: run -->";
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern VARIABLE = Pattern.compile(
        "\\b(?:AGENTOPS|DATABASE|REDIS|SMTP|LOG|ROOT_LOG|CORS|PUBLIC|MICRONAUT|SENTRY|VITE)_[A-Z0-9_]*[A-Z0-9]\\b");
    /** Shell variables the documents' own commands use; no configuration of the app. */
    private static final Set<String> SHELL_VARIABLES = Set.of("AGENTOPS_URL");
    /** Read by the SDKs in the agent's process (sdk-js and sdk-java READMEs), not by the server. */
    private static final Set<String> SDK_VARIABLES = Set.of("AGENTOPS_API_KEY", "AGENTOPS_BASE_URL");
    /** Named by the documents, added to .env.example by the metrics and error-tracking work of issue #15. */
    // a build-time variable of the web app (frontend/.env), not a server setting in .env.example
    private static final Set<String> FROM_THE_OPS_WORK = Set.of("VITE_SENTRY_DSN");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EmbeddedServer server;

    @Test
    void everyRunnableBlockExitsZeroAgainstARealServer() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Docs bot", "slug", "docs-bot"), admin.accessToken());
        Map<String, String> environment = Map.of(
            "AGENTOPS_URL", "http://localhost:" + server.getPort(),
            "TOKEN", admin.accessToken(),
            "ADMIN_EMAIL", admin.email(),
            "ADMIN_PASSWORD", Api.PASSWORD);

        List<String> failures = new ArrayList<>();
        int ran = 0;
        for (Path document : documents()) {
            for (String block : runnableBlocks(document)) {
                ran++;
                Result result = run(block, environment);
                if (result.exitCode() != 0) {
                    failures.add(ROOT.relativize(document) + ": exit " + result.exitCode() + "\n" + block + "\n--- output:\n"
                        + result.output());
                }
            }
        }
        assertThat(ran).as("runnable blocks found").isGreaterThanOrEqualTo(10);
        assertThat(failures).isEmpty();
    }

    @Test
    void everyRunMarkerIsFollowedByAShellBlock() {
        List<String> misplaced = new ArrayList<>();
        for (Path document : documents()) {
            List<String> lines = lines(document);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).trim().equals(RUN_MARKER)) {
                    int next = nextNonBlank(lines, i + 1);
                    if (next < 0 || !lines.get(next).trim().equals("```bash")) {
                        misplaced.add(ROOT.relativize(document) + ":" + (i + 1));
                    }
                }
            }
        }
        assertThat(misplaced).as("markers not followed by a ```bash block").isEmpty();
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            Matcher links = LINK.matcher(String.join("\n", withoutCode(lines(document))));
            while (links.find()) {
                String target = links.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(document) + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(ROOT.relativize(document) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyVariableTheDocumentsNameIsInEnvExample() throws IOException {
        Set<String> known = new HashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            Matcher assignment = Pattern.compile("^([A-Z][A-Z0-9_]*)=").matcher(line);
            if (assignment.find()) {
                known.add(assignment.group(1));
            }
        }
        Set<String> frontendReads = frontendBuildVariables();
        Set<String> unknown = new TreeSet<>();
        for (Path document : documents()) {
            Matcher names = VARIABLE.matcher(Files.readString(document));
            while (names.find()) {
                String name = names.group();
                if (!known.contains(name) && !frontendReads.contains(name) && !SHELL_VARIABLES.contains(name)
                    && !SDK_VARIABLES.contains(name) && !FROM_THE_OPS_WORK.contains(name)) {
                    unknown.add(name + " (" + ROOT.relativize(document) + ")");
                }
            }
        }
        assertThat(unknown).as("variables named in the documents but missing from .env.example").isEmpty();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String block, Map<String, String> environment) throws IOException, InterruptedException {
        Path output = Files.createTempFile("docs-block", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", block)
            .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String text = Files.readString(output);
        Files.deleteIfExists(output);
        return new Result(finished ? process.exitValue() : -1, text);
    }

    static List<Path> documents() {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<Path> all = new ArrayList<>(docs.filter(p -> p.toString().endsWith(".md")).sorted().toList());
            all.add(0, ROOT.resolve("README.md"));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> runnableBlocks(Path document) {
        List<String> lines = lines(document);
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).trim().equals(RUN_MARKER)) {
                continue;
            }
            int fence = nextNonBlank(lines, i + 1);
            if (fence < 0 || !lines.get(fence).trim().equals("```bash")) {
                continue;
            }
            StringBuilder block = new StringBuilder();
            for (int j = fence + 1; j < lines.size() && !lines.get(j).trim().equals("```"); j++) {
                block.append(lines.get(j)).append('\n');
            }
            blocks.add(block.toString());
        }
        return blocks;
    }

    /** GitHub's heading ids: lower case, link markup and punctuation dropped, spaces to hyphens. */
    static Set<String> anchors(Path document) {
        Set<String> ids = new HashSet<>();
        for (String line : withoutCode(lines(document))) {
            if (line.startsWith("#")) {
                String text = line.replaceFirst("^#+\\s*", "").replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");
                ids.add(text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return ids;
    }

    private static List<String> withoutCode(List<String> lines) {
        List<String> prose = new ArrayList<>();
        boolean inCode = false;
        for (String line : lines) {
            if (line.trim().startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode) {
                prose.add(line);
            }
        }
        return prose;
    }

    /** Build-time variables the web app reads (Vite inlines {@code import.meta.env.VITE_*}). */
    private static Set<String> frontendBuildVariables() throws IOException {
        Set<String> names = new HashSet<>();
        Pattern read = Pattern.compile("VITE_[A-Z0-9_]+");
        try (Stream<Path> files = Files.walk(ROOT.resolve("frontend/src"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = read.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    names.add(matcher.group());
                }
            }
        }
        return names;
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> lines(Path document) {
        try {
            return Files.readAllLines(document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
