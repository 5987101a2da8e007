// Wraps an `openai` client so that every chat.completions.create call is recorded as an llm_call event
// (model, usage as OpenAI reports it, input messages, output message, duration) in the current run.

/**
 * @param {import("openai").default} openai the official OpenAI client
 * @param {import("@agentops/sdk").AgentOpsClient} agentops
 * @param {() => string | undefined} currentRunId which run a call belongs to (undefined: not recorded)
 */
export function instrumentOpenAI(openai, agentops, currentRunId) {
  const completions = openai.chat.completions;
  const original = completions.create.bind(completions);
  completions.create = async (body, options) => {
    const runId = currentRunId();
    if (!runId || body?.stream) {
      // Streams are passed through unrecorded (ask for stream_options.include_usage and record the last chunk).
      return original(body, options);
    }
    const started = Date.now();
    try {
      const completion = await original(body, options);
      await agentops.recordLlmCall({
        runId,
        model: completion.model ?? body.model,
        usage: completion.usage,
        provider: "openai",
        request: body.messages,
        response: completion.choices?.[0]?.message,
        durationMs: Date.now() - started,
      });
      return completion;
    } catch (error) {
      await agentops.recordError({ runId, error, payload: { model: body.model, source: "openai.chat.completions.create" } });
      throw error;
    }
  };
  return openai;
}
