package dev.agentops.examples.openai;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.agentops.sdk.AgentOpsClient;
import dev.agentops.sdk.RunStatus;
import java.util.Map;

/**
 * One question to an OpenAI model, recorded as a run.
 *
 * <p>Run: {@code OPENAI_API_KEY=sk-... AGENTOPS_API_KEY=aoh_... AGENTOPS_AGENT_ID=<agent slug> mvn -pl sdk-java
 * test-compile exec:java -Dexec.mainClass=dev.agentops.examples.openai.OpenAiExample -Dexec.classpathScope=test}
 * ({@code OPENAI_BASE_URL} points it at another OpenAI-compatible API, {@code OPENAI_MODEL} picks the model).
 */
public final class OpenAiExample {

    private OpenAiExample() {
    }

    public static void main(String[] args) {
        String key = System.getenv("OPENAI_API_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("Set OPENAI_API_KEY (and AGENTOPS_API_KEY, AGENTOPS_AGENT_ID).");
            System.exit(2);
        }
        String baseUrl = env("OPENAI_BASE_URL", "https://api.openai.com/v1");
        String model = env("OPENAI_MODEL", "gpt-4o-mini");
        String question = args.length > 0 ? String.join(" ", args) : "Say hello in five words.";
        try (AgentOpsClient agentOps = AgentOpsClient.builder().build();
             TrackedOpenAi openAi = new TrackedOpenAi(baseUrl, key, agentOps)) {
            String runId = run(agentOps, openAi, model, question);
            System.out.println("recorded run " + runId);
        }
    }

    /** Asks {@code question}; returns the run id. */
    public static String run(AgentOpsClient agentOps, TrackedOpenAi openAi, String model, String question) {
        String runId = agentOps.startRun(Map.of("question", question));
        try {
            ChatCompletion completion = openAi.create(runId,
                ChatCompletionCreateParams.builder().model(model).addUserMessage(question).build());
            String answer = completion.choices().get(0).message().content().orElse("");
            System.out.println(answer);
            agentOps.endRun(runId, RunStatus.COMPLETED, Map.of("answer", answer), null);
        } catch (RuntimeException e) {
            agentOps.endRun(runId, RunStatus.FAILED, null, e.toString());
            throw e;
        }
        return runId;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
