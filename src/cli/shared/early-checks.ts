// Usage checks that need no project: run before any work, so a bad flag or environment value writes nothing.

import { DURATION_RULES, parseDuration } from "../../engine/decisions/duration";
import { sourceDateEpochError } from "../../engine/io/clock";
import type { CliOptions } from "../args";

const DURATION_FLAGS = [
	["--rto", "rto", DURATION_RULES.rto],
	["--rpo", "rpo", DURATION_RULES.rpo],
	["--backup-frequency", "backupFrequency", DURATION_RULES.backupFrequency],
	["--agent-timeout", "agentTimeout", DURATION_RULES.agentTimeout],
] as const;

/** The first usage problem in the flags and environment, as a message naming the flag or variable; else undefined. */
export function earlyUsageError(opts: CliOptions, env: NodeJS.ProcessEnv = process.env): string | undefined {
	for (const [flag, key, rule] of DURATION_FLAGS) {
		const value = opts[key];
		if (value === undefined) continue;
		const d = parseDuration(value, rule);
		if (!d.ok) return `${flag}: ${d.error}`;
	}
	return sourceDateEpochError(env);
}
