/**
 * Emergency controls: pausing an agent, and the organization-wide halt (kill switch).
 *
 * <p><b>One path to pause.</b> {@link dev.agentops.hub.controls.AgentPauses} is the only writer of an agent's pause
 * (people through the controls API, budgets with {@link dev.agentops.hub.controls.PauseSource#BUDGET}, policies
 * with {@code POLICY}); {@link dev.agentops.hub.controls.KillSwitch} pauses every active agent with
 * {@code KILL_SWITCH}. The pause lives on the agent row (status, source, reason, who, when); the halt on the
 * organization row. Every control is one transaction with its audit row.
 *
 * <p><b>Ordering.</b> Engage and release hold the organization row exclusively; pauses and resumes lock it for share,
 * then lock the agent row. A pause and an engage of the same organization therefore never interleave, and release
 * resumes exactly the agents whose pause is still the kill switch's.
 *
 * <p><b>Enforcement.</b> {@link dev.agentops.hub.controls.ControlStates} answers "may this agent work now?" for ingest
 * acks, the SDK's status read and policy checks, from a per-organization snapshot read by one statement (all of a
 * halt or none of it) and cached for at most a second. The instance taking a control bypasses and drops its copy
 * around the transaction, so its answer is in force here before the 200; Redis pub/sub drops every other instance's
 * copy (measured tens of milliseconds); without Redis there is one instance.
 */
package dev.agentops.hub.controls;
