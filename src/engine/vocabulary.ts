// The wizard's fixed names: its steps and its decisions. Kept apart so the session store and the first screen can use
// them without loading the state machine or the recommendations (decisions/spec.ts and wizard/state.ts re-export them).

export type Step = "preflight" | "research" | "decisions" | "questions" | "review" | "writing" | "done";

export const STEPS: Step[] = ["preflight", "research", "decisions", "questions", "review", "writing", "done"];

export type DecisionId = "strategy" | "iac" | "ci" | "environments" | "rto" | "rpo" | "backupFrequency";

export const DECISION_IDS: DecisionId[] = [
	"strategy",
	"iac",
	"ci",
	"environments",
	"rto",
	"rpo",
	"backupFrequency",
];

/** The command-line flag of each decision; the decision registry (decisions/spec.ts) and the argument parser read it. */
export const DECISION_FLAGS: Record<DecisionId, `--${string}`> = {
	strategy: "--strategy",
	iac: "--iac",
	ci: "--ci",
	environments: "--environments",
	rto: "--rto",
	rpo: "--rpo",
	backupFrequency: "--backup-frequency",
};
