// Recommendations for each decision (with rationale, alternatives, sources), validation, and consistency checks.

import type { ProjectContext } from "../inputs/context";
import { CI_IDS, CI_TOOLS, type CiToolId } from "../knowledge/cicd";
import { achievableRpoMinutes, DATABASES, type DbFacts } from "../knowledge/databases";
import { type DrTier, tierFor } from "../knowledge/dr";
import { IAC_IDS, IAC_TOOLS, type IacToolId } from "../knowledge/iac";
import {
	PLATFORMS,
	type PlatformFacts,
	STRATEGIES,
	STRATEGY_TRADEOFFS,
	type Strategy,
} from "../knowledge/platforms";
import type { SourceId } from "../knowledge/sources";
import type { TaskFindings, TaskId } from "../research/types";
import { DECISION_IDS, type DecisionId } from "../vocabulary";
import { formatDuration, humanDuration, parseDuration } from "./duration";

export { DECISION_IDS, type DecisionId } from "../vocabulary";

export const DECISION_LABELS: Record<DecisionId, string> = {
	strategy: "Deployment strategy",
	iac: "Infrastructure as code",
	ci: "CI/CD tool",
	environments: "Environments",
	rto: "Recovery time objective (RTO)",
	rpo: "Recovery point objective (RPO)",
	backupFrequency: "Backup frequency",
};

export type Provenance = "recommended" | "flag" | "answers" | "user" | `agent:${string}`;

export interface Choice {
	value: string;
	label: string;
	tradeoff: string;
}

export interface Recommendation {
	id: DecisionId;
	/** Value as the decision stores it: a strategy or tool id, a comma list of environments, or a duration like "4h". */
	value: string;
	rationale: string;
	alternatives: Choice[];
	sources: SourceId[];
	/** "built-in knowledge base" or the agent that recommended it. */
	by: string;
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

const METRIC_TOOLS =
	/datadog|new relic|prometheus|cloudwatch|grafana|honeycomb|azure monitor|cloud monitoring|opentelemetry/i;

export function platformOf(ctx: ProjectContext): PlatformFacts {
	return PLATFORMS[ctx.backend.platform];
}

export function databaseOf(ctx: ProjectContext): DbFacts {
	return DATABASES[ctx.database.provider];
}

function hasMetricsTool(ctx: ProjectContext): boolean {
	const m = ctx.monitoring;
	return [m.apm, m.metrics, m.tracing].some((t) => t !== undefined && METRIC_TOOLS.test(t));
}

export function supportedStrategies(ctx: ProjectContext): Strategy[] {
	const p = platformOf(ctx);
	return STRATEGIES.filter((s) => p.strategies[s] !== undefined);
}

export function recommendStrategy(ctx: ProjectContext): Recommendation {
	const p = platformOf(ctx);
	const metrics = hasMetricsTool(ctx);
	const progressive = p.progressive && (ctx.scale === "large" || (ctx.scale === "medium" && metrics));
	const value: Strategy = progressive ? p.progressive! : p.defaultStrategy;
	const mech = p.strategies[value]!;
	const why = progressive
		? `${ctx.scale} scale and ${[ctx.monitoring.apm, ctx.monitoring.metrics].filter(Boolean).join("/") || "metrics"} that can judge a partial rollout justify progressive delivery`
		: p.progressive
			? `it is ${p.name}'s native zero-downtime path; ${p.progressive} becomes worthwhile once traffic and metrics can judge a partial rollout`
			: `it is the zero-downtime path ${p.name} offers natively`;
	return {
		id: "strategy",
		value,
		rationale: `${why.charAt(0).toUpperCase()}${why.slice(1)}.`,
		alternatives: supportedStrategies(ctx)
			.filter((s) => s !== value)
			.map((s) => ({
				value: s,
				label: s,
				tradeoff: `${p.strategies[s]!.summary} — ${STRATEGY_TRADEOFFS[s]}`,
			})),
		sources: [...new Set(mech.facts.flatMap((f) => f.sources))],
		by: "built-in knowledge base",
	};
}

export function recommendIac(ctx: ProjectContext): Recommendation {
	const p = platformOf(ctx);
	let value: IacToolId;
	let why: string;
	if (ctx.iacInStack) {
		value = ctx.iacInStack;
		why = "the technology stack already names it";
	} else if (ctx.cloud === "azure" && p.family !== "kubernetes") {
		value = "bicep";
		why =
			"the stack is Azure-only, and Bicep covers every Azure resource on day one with no state file to guard";
	} else if (
		ctx.cloud === "aws" &&
		p.family === "serverless" &&
		ctx.stack.language === "typescript" &&
		ctx.scale !== "large"
	) {
		value = "sst";
		why =
			"a TypeScript serverless app on AWS gets functions, APIs and their infrastructure from one sst.config.ts";
	} else if (ctx.compliance.length > 0) {
		value = "opentofu";
		why = `${ctx.compliance.length > 1 ? "the compliance regimes need" : "the compliance regime needs"} encrypted state, and OpenTofu encrypts state client-side under an open-source licence`;
	} else {
		value = "terraform";
		why =
			ctx.cloud === "none"
				? `${p.name}'s own config file covers the service; Terraform's providers cover what it does not (DNS, database, monitors)`
				: `it has the widest provider coverage for ${ctx.cloud.toUpperCase()} and the resources around ${p.name}`;
	}
	const tool = IAC_TOOLS[value];
	const alternatives = IAC_IDS.filter((id) => id !== value)
		.filter((id) => {
			const t = IAC_TOOLS[id];
			return t.clouds === "any"
				? id !== "crossplane" || p.family === "kubernetes"
				: t.clouds.includes(ctx.cloud);
		})
		.map((id) => ({ value: id, label: IAC_TOOLS[id].name, tradeoff: IAC_TOOLS[id].tradeoff }));
	return {
		id: "iac",
		value,
		rationale: `${tool.name}: ${why}.`,
		alternatives,
		sources: tool.sources,
		by: "built-in knowledge base",
	};
}

export function recommendCi(ctx: ProjectContext): Recommendation {
	const tool = CI_TOOLS[ctx.ci.tool];
	return {
		id: "ci",
		value: ctx.ci.tool,
		rationale: ctx.ci.assumed
			? `${tool.name}: no CI tool is named in the inputs; it is the default for repositories on GitHub, with environments, OIDC and concurrency groups built in.`
			: `${tool.name}: the technology stack already uses it (${ctx.ci.label}); ${tool.tradeoff}.`,
		alternatives: CI_IDS.filter((id) => id !== ctx.ci.tool).map((id) => ({
			value: id,
			label: CI_TOOLS[id].name,
			tradeoff: CI_TOOLS[id].tradeoff,
		})),
		sources: tool.sources,
		by: "built-in knowledge base",
	};
}

export function recommendEnvironments(ctx: ProjectContext): Recommendation {
	const regulated = ctx.compliance.some((c) => c === "pci-dss" || c === "hipaa");
	const envs = regulated
		? ["development", "staging", "uat", "production"]
		: ["development", "staging", "production"];
	return {
		id: "environments",
		value: envs.join(","),
		rationale: regulated
			? "A separate UAT environment gives auditors a signed-off, production-like stage between staging and production; previews per pull request stay ephemeral."
			: "Development, a production-like staging and production, with ephemeral previews per pull request that are not long-lived environments.",
		alternatives: [
			{
				value: "development,preview,staging,production",
				label: "with long-lived preview",
				tradeoff:
					"a shared preview environment for product review, at the cost of one more environment to keep in parity",
			},
			{
				value: "development,production",
				label: "no staging",
				tradeoff: "cheapest, but production becomes the first production-like test",
			},
		],
		sources: ["twelve-factor-parity"],
		by: "built-in knowledge base",
	};
}

export interface RecoveryPlan {
	tier: DrTier;
	rtoMinutes: number;
	rpoMinutes: number;
	backupMinutes: number;
	/** Estimated restore-based recovery time for the primary database, minutes. */
	restoreEstimateMinutes: number;
	sizeGb: number;
	explanation: string;
}

/** Minutes to recover by restoring the database and repointing the app. */
export function restoreEstimate(ctx: ProjectContext): { minutes: number; sizeGb: number; parts: string[] } {
	const db = databaseOf(ctx);
	const sizeGb = ctx.database.sizeGb ?? 20;
	// Restores run at roughly 1 GB per minute for managed Postgres; never less than 15 minutes.
	const restore = Math.max(15, Math.ceil(sizeGb));
	const repoint = db.restore.createsNewInstance ? 10 : 0;
	const redeploy = platformOf(ctx).rollback.expectedMinutes;
	const parts = [`detection and decision 15 min`, `restore of ~${sizeGb} GB ${restore} min`];
	if (repoint) parts.push(`repointing connection strings to the new instance ${repoint} min`);
	parts.push(`redeploy and verification ${redeploy + 10} min`);
	return { minutes: 15 + restore + repoint + redeploy + 10, sizeGb, parts };
}

function roundUpDuration(minutes: number): number {
	const steps = [5, 10, 15, 30, 60, 120, 240, 480, 720, 1440, 2880];
	return steps.find((s) => s >= minutes) ?? Math.ceil(minutes / 1440) * 1440;
}

export function recommendRecovery(ctx: ProjectContext): RecoveryPlan {
	const db = databaseOf(ctx);
	const achievable = achievableRpoMinutes(db);
	const critical = ctx.compliance.some((c) => c === "pci-dss" || c === "hipaa") || ctx.scale === "large";
	const relaxed = ctx.scale === "small" && ctx.compliance.length === 0;
	const est = restoreEstimate(ctx);
	let rto: number;
	let rpoTarget: number;
	if (critical) {
		rto = 30;
		rpoTarget = 5;
	} else if (relaxed) {
		rto = 480;
		rpoTarget = 60;
	} else {
		rto = 120;
		rpoTarget = 15;
	}
	// Never promise less data loss than the database's own mechanism can deliver.
	const rpo = roundUpDuration(Math.max(rpoTarget, achievable.logical));
	// A restore-based recovery cannot be faster than the restore itself, unless a replica can be promoted.
	if (!critical || !db.replication) rto = Math.max(rto, roundUpDuration(est.minutes));
	const backupMinutes = Math.min(1440, db.snapshot.everyHours * 60);
	const tier = tierFor(rto, rpo);
	const explanation = db.pitr
		? `${db.name} archives logs every ${humanDuration(db.pitr.logIntervalMinutes)}, so ${humanDuration(rpo)} of data loss is the worst case for a logical error`
		: `${db.name} offers scheduled backups every ${humanDuration(db.snapshot.everyHours * 60)} only, so the RPO cannot be shorter than that without adding log archiving`;
	return {
		tier,
		rtoMinutes: rto,
		rpoMinutes: rpo,
		backupMinutes,
		restoreEstimateMinutes: est.minutes,
		sizeGb: est.sizeGb,
		explanation,
	};
}

function durationRecommendation(
	id: "rto" | "rpo" | "backupFrequency",
	minutes: number,
	rationale: string,
	options: number[],
	sources: SourceId[],
): Recommendation {
	return {
		id,
		value: formatDuration(minutes),
		rationale,
		alternatives: options
			.filter((m) => m !== minutes)
			.map((m) => ({
				value: formatDuration(m),
				label: humanDuration(m),
				tradeoff:
					m < minutes
						? "tighter: costs more standby capacity or replication"
						: "looser: cheaper, more downtime or data loss accepted",
			})),
		sources,
		by: "built-in knowledge base",
	};
}

export function recommendAll(
	ctx: ProjectContext,
	findings: Partial<Record<TaskId, TaskFindings>> = {},
): Record<DecisionId, Recommendation> {
	const plan = recommendRecovery(ctx);
	const db = databaseOf(ctx);
	const recs: Record<DecisionId, Recommendation> = {
		strategy: recommendStrategy(ctx),
		iac: recommendIac(ctx),
		ci: recommendCi(ctx),
		environments: recommendEnvironments(ctx),
		rto: durationRecommendation(
			"rto",
			plan.rtoMinutes,
			`${plan.tier.name}${plan.tier.aws.replace("&", "and") === plan.tier.name ? "" : ` (${plan.tier.aws})`} fits this target; a restore-based recovery of ~${plan.sizeGb} GB takes about ${humanDuration(plan.restoreEstimateMinutes)}.`,
			[15, 30, 60, 120, 240, 480, 1440],
			["aws-dr-blog", "azure-waf-dr"],
		),
		rpo: durationRecommendation(
			"rpo",
			plan.rpoMinutes,
			`${plan.explanation}.`,
			[1, 5, 15, 60, 240, 1440],
			db.sources,
		),
		backupFrequency: durationRecommendation(
			"backupFrequency",
			plan.backupMinutes,
			`${db.name} takes ${db.snapshot.everyHours === 24 ? "daily" : `every-${db.snapshot.everyHours}-hour`} snapshots (${db.snapshot.retention})${db.pitr ? `, with continuous log archiving for point-in-time recovery (${db.pitr.how})` : ""}.`,
			[60, 240, 720, 1440],
			db.sources,
		),
	};
	applyAgentFindings(recs, findings);
	return recs;
}

/** Valid agent recommendations replace the built-in ones, keeping their provenance. */
function applyAgentFindings(
	recs: Record<DecisionId, Recommendation>,
	findings: Partial<Record<TaskId, TaskFindings>>,
): void {
	const map: [TaskId, DecisionId][] = [
		["deploy", "strategy"],
		["iac", "iac"],
		["cicd", "ci"],
	];
	for (const [task, id] of map) {
		const f = findings[task];
		if (!f || f.backend === "builtin" || !f.recommendation) continue;
		const check = validateDecision(id, f.recommendation.value, undefined);
		if (!check.ok) continue;
		const previous = recs[id];
		recs[id] = {
			...previous,
			value: check.value,
			rationale: f.recommendation.rationale || previous.rationale,
			by: f.backend,
			alternatives: [
				...(previous.value !== check.value
					? [
							{
								value: previous.value,
								label: previous.value,
								tradeoff: `built-in recommendation: ${previous.rationale}`,
							},
						]
					: []),
				...previous.alternatives.filter((a) => a.value !== check.value),
			],
		};
	}
}

export type Validation = { ok: true; value: string } | { ok: false; error: string };

/** Validates one decision value as typed by a flag, a file or the user. */
export function validateDecision(id: DecisionId, raw: string, ctx: ProjectContext | undefined): Validation {
	const input = raw.trim();
	switch (id) {
		case "strategy": {
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
		}
		case "iac": {
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
		}
		case "ci": {
			const v = input.toLowerCase().replace(/\s+/g, "-");
			const found = CI_IDS.find((k) => k === v || CI_TOOLS[k].detect.test(input));
			return found
				? { ok: true, value: found }
				: {
						ok: false,
						error: `unknown CI/CD tool "${input.slice(0, 30)}"; choose one of ${CI_IDS.join(", ")}`,
					};
		}
		case "environments": {
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
			if (!envs.includes("production"))
				return { ok: false, error: "the environments must include production" };
			if (new Set(envs).size !== envs.length) return { ok: false, error: "an environment is listed twice" };
			const ordered = [...envs].sort((a, b) => rank(a) - rank(b));
			return { ok: true, value: ordered.join(",") };
		}
		case "rto":
		case "rpo":
		case "backupFrequency": {
			const d = parseDuration(input);
			return d.ok ? { ok: true, value: d.text } : { ok: false, error: d.error };
		}
	}
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
		provenance[id] =
			overrides[id]?.provenance ??
			(recs[id].by === "built-in knowledge base" ? "recommended" : (`agent:${recs[id].by}` as Provenance));
	}
	const minutes = (id: DecisionId) => {
		const d = parseDuration(pick(id));
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
	switch (id) {
		case "strategy":
			return d.strategy;
		case "iac":
			return d.iac;
		case "ci":
			return d.ci;
		case "environments":
			return d.environments.join(",");
		case "rto":
			return formatDuration(d.rtoMinutes);
		case "rpo":
			return formatDuration(d.rpoMinutes);
		case "backupFrequency":
			return formatDuration(d.backupMinutes);
	}
}

export function displayValue(id: DecisionId, value: string): string {
	if (id === "iac") return IAC_TOOLS[value as IacToolId]?.name ?? value;
	if (id === "ci") return CI_TOOLS[value as CiToolId]?.name ?? value;
	if (id === "environments") return value.split(",").join(", ");
	if (id === "rto" || id === "rpo" || id === "backupFrequency") {
		const d = parseDuration(value);
		return d.ok ? humanDuration(d.minutes) : value;
	}
	return value;
}

export interface ConsistencyWarning {
	level: "info" | "warning";
	decision: DecisionId;
	message: string;
}

/** Checks the decisions against each other and against what the platform and database can do. */
export function checkConsistency(d: Decisions, ctx: ProjectContext): ConsistencyWarning[] {
	const out: ConsistencyWarning[] = [];
	const db = databaseOf(ctx);
	const achievable = achievableRpoMinutes(db);
	if (d.rpoMinutes < d.backupMinutes) {
		if (db.pitr && db.pitr.logIntervalMinutes <= d.rpoMinutes) {
			out.push({
				level: "info",
				decision: "rpo",
				message: `RPO ${humanDuration(d.rpoMinutes)} is shorter than the backup interval (${humanDuration(d.backupMinutes)}): it is met only through point-in-time recovery on ${db.name} (logs every ${humanDuration(db.pitr.logIntervalMinutes)}), which must stay enabled.`,
			});
		} else if (db.replication && d.rpoMinutes >= db.replication.lagSeconds / 60) {
			out.push({
				level: "warning",
				decision: "rpo",
				message: `RPO ${humanDuration(d.rpoMinutes)} is met for instance or region loss by ${db.replication.how}, but not for logical corruption: replication copies a bad DELETE. Point-in-time recovery at ${humanDuration(achievable.logical)} is the floor for that case.`,
			});
		} else {
			out.push({
				level: "warning",
				decision: "rpo",
				message: `RPO ${humanDuration(d.rpoMinutes)} is not achievable on ${db.name}: backups every ${humanDuration(d.backupMinutes)} lose up to that much data, and ${db.pitr ? `its point-in-time logs are archived only every ${humanDuration(db.pitr.logIntervalMinutes)}` : "it has no point-in-time recovery"}. Add point-in-time recovery or replication, or raise the RPO to ${humanDuration(Math.max(achievable.logical, d.backupMinutes))}.`,
			});
		}
	}
	if (d.backupMinutes > 1440) {
		out.push({
			level: "warning",
			decision: "backupFrequency",
			message: `Backups every ${humanDuration(d.backupMinutes)} leave more than a day of exposure; daily is the usual floor for production data.`,
		});
	}
	const tier = tierFor(d.rtoMinutes, d.rpoMinutes);
	const est = restoreEstimate(ctx);
	if (
		d.rtoMinutes < est.minutes &&
		!(db.replication && d.rtoMinutes * 60 >= (db.failoverSeconds ?? 0) + 300)
	) {
		out.push({
			level: "warning",
			decision: "rto",
			message: `RTO ${humanDuration(d.rtoMinutes)} is below a restore-based recovery (~${humanDuration(est.minutes)}: ${est.parts.join(", ")}). It needs ${tier.name} (${tier.aws}) with a standby that can be promoted.`,
		});
	}
	if (!d.environments.includes("staging") && !d.environments.includes("uat")) {
		out.push({
			level: "warning",
			decision: "environments",
			message:
				"Without staging, production is the first production-like test; the pipeline's E2E and performance gates then run against previews only.",
		});
	}
	if (
		ctx.compliance.some((c) => c === "pci-dss" || c === "soc2" || c === "hipaa") &&
		d.strategy === "recreate"
	) {
		out.push({
			level: "warning",
			decision: "strategy",
			message:
				"Recreate deploys take production down on every release, which conflicts with the availability commitments of the compliance regimes in scope.",
		});
	}
	return out;
}
