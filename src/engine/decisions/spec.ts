// The decision registry: one entry per decision — label, kind of field, flag, parse/validate, value, display and
// examples — from which the flags, the screens, --plain and the section read.

import type { ProjectContext } from "../inputs/context";
import { CI_IDS, CI_TOOLS, type CiToolId } from "../knowledge/cicd";
import { IAC_IDS, IAC_TOOLS, type IacToolId } from "../knowledge/iac";
import { STRATEGIES, type Strategy } from "../knowledge/platforms";
import type { SourceId } from "../knowledge/sources";
import { DECISION_FLAGS, DECISION_IDS, type DecisionId } from "../vocabulary";
import { DURATION_RULES, formatDuration, humanDuration, parseDuration } from "./duration";
import { platformOf, supportedStrategies } from "./stack";

export { DECISION_IDS, type DecisionId } from "../vocabulary";

export type Provenance = "recommended" | "flag" | "answers" | "user" | `agent:${string}`;

export interface Choice {
	value: string;
	label: string;
	tradeoff: string;
}

/** Where a recommendation came from, as data (the words for people come from recommenderLabel). */
export type Recommender = { kind: "builtin" } | { kind: "agent"; agent: string };

export const BUILTIN: Recommender = { kind: "builtin" };

export function recommenderLabel(by: Recommender): string {
	return by.kind === "builtin" ? "built-in knowledge base" : by.agent;
}

/** The provenance a decision gets when it keeps this recommendation. */
export function keptProvenance(by: Recommender): Provenance {
	return by.kind === "builtin" ? "recommended" : `agent:${by.agent}`;
}

export interface Recommendation {
	id: DecisionId;
	/** Value as the decision stores it: a strategy or tool id, a comma list of environments, or a duration like "4h". */
	value: string;
	rationale: string;
	alternatives: Choice[];
	sources: SourceId[];
	/** Who recommended it: the built-in knowledge base or a named agent. */
	by: Recommender;
}

export interface Decisions {
	strategy: Strategy;
	iac: IacToolId;
	ci: CiToolId;
	environments: string[];
	rtoMinutes: number;
	rpoMinutes: number;
	backupMinutes: number;
	provenance: Record<DecisionId, Provenance>;
}

export const ENVIRONMENT_CHOICES = ["development", "preview", "staging", "uat", "production"];

export type Validation = { ok: true; value: string } | { ok: false; error: string };

/** How a decision is asked: a list of choices, the environments checklist, or a duration typed as text. */
export type DecisionKind = "choice" | "checklist" | "duration";

export interface DecisionSpec {
	id: DecisionId;
	label: string;
	kind: DecisionKind;
	/** The command-line flag that sets it (`--strategy`). */
	flag: `--${string}`;
	/** Values a person might type, for hints. */
	examples: string[];
	/** Parses and checks a value typed by a flag, a file or the user (already trimmed); `ctx` adds the project's rules. */
	validate: (input: string, ctx: ProjectContext | undefined) => Validation;
	/** The decision's value as the decisions hold it. */
	valueOf: (d: Decisions) => string;
	/** The value for people: tool names, spaced lists, human durations. */
	display: (value: string) => string;
}

function durationSpec(
	id: "rto" | "rpo" | "backupFrequency",
	label: string,
	minutesOf: (d: Decisions) => number,
): DecisionSpec {
	return {
		id,
		label,
		kind: "duration",
		flag: DECISION_FLAGS[id],
		examples: ["15m", "4h", "1d"],
		validate: (input) => {
			const d = parseDuration(input, DURATION_RULES[id]);
			return d.ok ? { ok: true, value: d.text } : { ok: false, error: d.error };
		},
		valueOf: (d) => formatDuration(minutesOf(d)),
		display: (value) => {
			const d = parseDuration(value, DURATION_RULES[id]);
			return d.ok ? humanDuration(d.minutes) : value;
		},
	};
}

export const DECISIONS: Record<DecisionId, DecisionSpec> = {
	strategy: {
		id: "strategy",
		label: "Deployment strategy",
		kind: "choice",
		flag: DECISION_FLAGS.strategy,
		examples: [...STRATEGIES],
		validate: (input, ctx) => {
			const v = input
				.toLowerCase()
				.replace(/[\s_]+/g, "-")
				.replace(/^bluegreen$/, "blue-green");
			if (!(STRATEGIES as string[]).includes(v))
				return {
					ok: false,
					error: `unknown strategy "${input.slice(0, 30)}"; choose one of ${STRATEGIES.join(", ")}`,
				};
			if (ctx) {
				const supported = supportedStrategies(ctx);
				if (!supported.includes(v as Strategy)) {
					return {
						ok: false,
						error: `${platformOf(ctx).name} has no native ${v} deployment; it supports ${supported.join(", ")}`,
					};
				}
			}
			return { ok: true, value: v };
		},
		valueOf: (d) => d.strategy,
		display: (value) => value,
	},
	iac: {
		id: "iac",
		label: "Infrastructure as code",
		kind: "choice",
		flag: DECISION_FLAGS.iac,
		examples: [...IAC_IDS],
		validate: (input) => {
			const v = input.toLowerCase().replace(/\s+/g, "-");
			const found = IAC_IDS.find(
				(k) =>
					k === v ||
					IAC_TOOLS[k].name.toLowerCase().replace(/\s+/g, "-") === v ||
					IAC_TOOLS[k].detect.test(input),
			);
			return found
				? { ok: true, value: found }
				: {
						ok: false,
						error: `unknown IaC tool "${input.slice(0, 30)}"; choose one of ${IAC_IDS.join(", ")}`,
					};
		},
		valueOf: (d) => d.iac,
		display: (value) => IAC_TOOLS[value as IacToolId]?.name ?? value,
	},
	ci: {
		id: "ci",
		label: "CI/CD tool",
		kind: "choice",
		flag: DECISION_FLAGS.ci,
		examples: [...CI_IDS],
		validate: (input) => {
			const v = input.toLowerCase().replace(/\s+/g, "-");
			const found = CI_IDS.find((k) => k === v || CI_TOOLS[k].detect.test(input));
			return found
				? { ok: true, value: found }
				: {
						ok: false,
						error: `unknown CI/CD tool "${input.slice(0, 30)}"; choose one of ${CI_IDS.join(", ")}`,
					};
		},
		valueOf: (d) => d.ci,
		display: (value) => CI_TOOLS[value as CiToolId]?.name ?? value,
	},
	environments: {
		id: "environments",
		label: "Environments",
		kind: "checklist",
		flag: DECISION_FLAGS.environments,
		examples: ["development,staging,production"],
		validate: (input) => {
			const envs = input
				.split(",")
				.map((e) => e.trim().toLowerCase())
				.filter(Boolean);
			const bad = envs.find((e) => !/^[a-z][a-z0-9-]{0,30}$/.test(e));
			if (bad !== undefined)
				return {
					ok: false,
					error: `"${bad.slice(0, 30)}" is not an environment name (letters, digits and dashes)`,
				};
			// A team may name its own environments, but one a letter or two away from a known name is a typo.
			const typo = envs
				.map((e) => [e, nearestEnvironment(e)] as const)
				.find(([, near]) => near !== undefined);
			if (typo)
				return {
					ok: false,
					error: `unknown environment "${typo[0]}"; did you mean "${typo[1]}"? (known: ${ENVIRONMENT_CHOICES.join(", ")})`,
				};
			if (!envs.includes("production"))
				return { ok: false, error: "the environments must include production" };
			if (new Set(envs).size !== envs.length) return { ok: false, error: "an environment is listed twice" };
			const ordered = [...envs].sort((a, b) => rank(a) - rank(b));
			return { ok: true, value: ordered.join(",") };
		},
		valueOf: (d) => d.environments.join(","),
		display: (value) => value.split(",").join(", "),
	},
	rto: durationSpec("rto", "Recovery time objective (RTO)", (d) => d.rtoMinutes),
	rpo: durationSpec("rpo", "Recovery point objective (RPO)", (d) => d.rpoMinutes),
	backupFrequency: durationSpec("backupFrequency", "Backup frequency", (d) => d.backupMinutes),
};

export const DECISION_LABELS = Object.fromEntries(
	DECISION_IDS.map((id) => [id, DECISIONS[id].label]),
) as Record<DecisionId, string>;

/** Validates one decision value as typed by a flag, a file or the user. */
export function validateDecision(id: DecisionId, raw: string, ctx: ProjectContext | undefined): Validation {
	return DECISIONS[id].validate(raw.trim(), ctx);
}

/** Levenshtein distance, for "did you mean". */
function editDistance(a: string, b: string): number {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++)
			row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		prev = row;
	}
	return prev[b.length]!;
}

/** The known environment a name is a likely typo of (two edits or fewer, and not itself), if any. */
export function nearestEnvironment(name: string): string | undefined {
	if (ENVIRONMENT_CHOICES.includes(name)) return undefined;
	let best: { env: string; d: number } | undefined;
	for (const env of ENVIRONMENT_CHOICES) {
		const d = editDistance(name, env);
		if (d <= Math.min(2, Math.floor(env.length / 3)) && (!best || d < best.d)) best = { env, d };
	}
	return best?.env;
}

function rank(env: string): number {
	const i = ENVIRONMENT_CHOICES.indexOf(env);
	return i === -1 ? ENVIRONMENT_CHOICES.indexOf("production") - 0.5 : i;
}

/** Decisions from recommendations, overridden by explicit values (flags, answers, the user). */
export function buildDecisions(
	recs: Record<DecisionId, Recommendation>,
	overrides: Partial<Record<DecisionId, { value: string; provenance: Provenance }>>,
): Decisions {
	const pick = (id: DecisionId) => overrides[id]?.value ?? recs[id].value;
	const provenance = {} as Record<DecisionId, Provenance>;
	for (const id of DECISION_IDS) {
		provenance[id] = overrides[id]?.provenance ?? keptProvenance(recs[id].by);
	}
	const minutes = (id: "rto" | "rpo" | "backupFrequency") => {
		const d = parseDuration(pick(id), DURATION_RULES[id]);
		if (!d.ok) throw new Error(`invalid duration for ${id}`);
		return d.minutes;
	};
	return {
		strategy: pick("strategy") as Strategy,
		iac: pick("iac") as IacToolId,
		ci: pick("ci") as CiToolId,
		environments: pick("environments").split(","),
		rtoMinutes: minutes("rto"),
		rpoMinutes: minutes("rpo"),
		backupMinutes: minutes("backupFrequency"),
		provenance,
	};
}

export function decisionValue(d: Decisions, id: DecisionId): string {
	return DECISIONS[id].valueOf(d);
}

export function displayValue(id: DecisionId, value: string): string {
	return DECISIONS[id].display(value);
}
