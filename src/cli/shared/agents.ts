// The research backend of each task from flags, then remembered preferences, else the built-in engine.

import { DURATION_RULES, parseDuration } from "../../engine/decisions/duration";
import { ExitCode, GenesisError } from "../../engine/io/errors";
import { type AgentSpec, AgentSpecError, resolveAgent } from "../../engine/research/agent-spec";
import { TASK_IDS, type TaskId } from "../../engine/research/types";
import { Preferences } from "../../engine/session/preferences";
import type { CliOptions } from "../args";

const FLAG: Record<TaskId, keyof CliOptions> = { deploy: "agentDeploy", iac: "agentIac", cicd: "agentCicd" };
const FLAG_NAME: Record<TaskId, string> = {
	deploy: "--agent-deploy",
	iac: "--agent-iac",
	cicd: "--agent-cicd",
};

export function agentsFromOptions(
	opts: CliOptions,
	prefs = new Preferences(),
): Partial<Record<TaskId, AgentSpec | "builtin">> {
	const remembered = prefs.agents();
	const out: Partial<Record<TaskId, AgentSpec | "builtin">> = {};
	for (const task of TASK_IDS) {
		const own = opts[FLAG[task]] as string | undefined;
		const value = own ?? opts.agent ?? remembered[task];
		if (value === undefined) continue;
		try {
			out[task] = resolveAgent(value);
		} catch (error) {
			if (error instanceof AgentSpecError)
				throw new GenesisError(
					`${own !== undefined ? FLAG_NAME[task] : opts.agent !== undefined ? "--agent" : "saved agent preference"}: ${error.message}`,
					ExitCode.usage,
				);
			throw error;
		}
	}
	return out;
}

export function agentTimeoutMs(opts: CliOptions): number {
	if (!opts.agentTimeout) return 10 * 60_000;
	const d = parseDuration(opts.agentTimeout, DURATION_RULES.agentTimeout);
	if (!d.ok) throw new GenesisError(`--agent-timeout: ${d.error}`, ExitCode.usage);
	return Math.round(d.minutes * 60_000);
}
