// Records every OpenAI chat completion of a run with @agentops/sdk (model + usage, priced by the hub).
//
// Run (from sdk-js/, after `npm run build`):
//   OPENAI_API_KEY=sk-... AGENTOPS_API_KEY=aoh_... AGENTOPS_AGENT_ID=<agent> node examples/openai-integration/index.mjs
// OPENAI_BASE_URL points the OpenAI client elsewhere (the SDK's tests use a local stub); OPENAI_MODEL picks the model.
import OpenAI from "openai";
import { AgentOpsClient } from "@agentops/sdk";
import { instrumentOpenAI } from "./instrument.mjs";

const agentops = new AgentOpsClient({
  onError: (error) => {
    console.error(`telemetry failed: ${error.message}`);
    process.exitCode = 1;
  },
});

let runId;
const openai = instrumentOpenAI(new OpenAI(), agentops, () => runId);
const model = process.env.OPENAI_MODEL ?? "gpt-4o-mini";
const question = process.argv[2] ?? "In one sentence: why should AI agents be observable?";

runId = await agentops.startRun({ input: { question }, tags: ["example", "openai"] });
try {
  const first = await openai.chat.completions.create({
    model,
    messages: [{ role: "user", content: question }],
  });
  const draft = first.choices[0]?.message?.content ?? "";
  const second = await openai.chat.completions.create({
    model,
    messages: [
      { role: "user", content: question },
      { role: "assistant", content: draft },
      { role: "user", content: "Now shorter, at most ten words." },
    ],
  });
  const answer = second.choices[0]?.message?.content ?? "";
  await agentops.endRun({ runId, status: "completed", output: { answer } });
  console.log(JSON.stringify({ run_id: runId, answer }));
} catch (error) {
  await agentops.endRun({ runId, error });
  console.error(error);
  process.exitCode = 1;
} finally {
  await agentops.shutdown();
}
