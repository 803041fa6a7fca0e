// Recommendations for each decision, with rationale, alternatives and sources; agents' findings may replace them.

import type { ProjectContext } from "../inputs/context";
import { describeProvenance } from "../inputs/model";
import { CI_IDS, CI_TOOLS } from "../knowledge/cicd";
import { IAC_IDS, IAC_TOOLS, type IacToolId } from "../knowledge/iac";
import { PROGRESSIVE_NAME } from "../knowledge/kubernetes";
import { STRATEGY_TRADEOFFS, type Strategy } from "../knowledge/platforms";
import type { SourceId } from "../knowledge/sources";
import type { TaskFindings, TaskId } from "../research/types";
import type { DecisionId } from "../vocabulary";
import { formatDuration, humanDuration } from "./duration";
import { canonicalEnvironment, smallProject } from "./environments";
import { recommendRecovery } from "./recovery";
import { LOCAL_FILE_ENGINE, usesLocalFileDb, workableStrategies } from "./rules";
import { BUILTIN, ENVIRONMENT_CHOICES, type Recommendation, validateDecision } from "./spec";
import { databaseOf, hasMetricsTool, platformOf, supportedStrategies } from "./stack";

export function recommendStrategy(ctx: ProjectContext): Recommendation {
	const p = platformOf(ctx);
	const metrics = hasMetricsTool(ctx);
	// A service with a volume (a local database file) can only use the strategies the platform allows with volumes.
	const workable = workableStrategies(ctx);
	const allowed = (s: Strategy) => workable.includes(s);
	// A progressive-delivery controller the inputs already run on Kubernetes (Flagger, Argo Rollouts) decides it.
	const upstream = ctx.model?.progressive?.value;
	const controller =
		p.family === "kubernetes" && (upstream === "flagger" || upstream === "argo-rollouts") && allowed("canary")
			? PROGRESSIVE_NAME[upstream]
			: undefined;
	// On Kubernetes a canary needs a controller the cluster runs: without one in the inputs, rolling stays the plan.
	const progressive =
		controller !== undefined ||
		(p.family !== "kubernetes" &&
			p.progressive &&
			allowed(p.progressive) &&
			(ctx.scale === "large" || (ctx.scale === "medium" && metrics)));
	const value: Strategy = controller
		? "canary"
		: progressive
			? p.progressive!
			: allowed(p.defaultStrategy)
				? p.defaultStrategy
				: (supportedStrategies(ctx).find(allowed) ?? p.defaultStrategy);
	const mech = p.strategies[value]!;
	// One instance pinned by its volume: no strategy avoids the restart, so the reason is the volume, not zero downtime.
	const pinned =
		!!p.volumeStrategies?.mechanisms && usesLocalFileDb(ctx) && p.localFileDb.support === "single-instance";
	const why = pinned
		? `the ${LOCAL_FILE_ENGINE} file pins the service to one instance on ${p.name}, so no strategy avoids a short restart on each deploy${value === "rolling" ? "; rolling still waits for the health checks before the deploy counts as done" : ""}`
		: controller
			? `the stack already runs ${controller} for progressive delivery, with metrics that can judge each step`
			: progressive
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
		by: BUILTIN,
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
				? (id !== "crossplane" || p.family === "kubernetes") && (id !== "ansible" || p.family === "vm")
				: t.clouds.includes(ctx.cloud);
		})
		.map((id) => ({ value: id, label: IAC_TOOLS[id].name, tradeoff: IAC_TOOLS[id].tradeoff }));
	return {
		id: "iac",
		value,
		rationale: `${tool.name}: ${why}.`,
		alternatives,
		sources: tool.sources,
		by: BUILTIN,
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
		by: BUILTIN,
	};
}

/** Deploy environments named by earlier sections, mapped to this wizard's names; test-only ones (ci) dropped. */
function canonicalEnvironments(names: string[]): string[] {
	const out = new Set(names.map(canonicalEnvironment).filter((x): x is string => x !== undefined));
	// Developers' own machines are always there; production always is the target.
	out.add("development");
	out.add("production");
	return ENVIRONMENT_CHOICES.filter((e) => out.has(e));
}

export function recommendEnvironments(ctx: ProjectContext): Recommendation {
	const upstream = ctx.model.upstream.environments;
	const regulated = ctx.compliance.some((c) => c === "pci-dss" || c === "hipaa");
	const standard = regulated
		? ["development", "staging", "uat", "production"]
		: ["development", "staging", "production"];
	const withoutStaging = ["development", "production"];
	let envs = standard;
	let rationale = regulated
		? "A separate UAT environment gives auditors a signed-off, production-like stage between staging and production; previews per pull request stay ephemeral."
		: "Development, a production-like staging and production, with ephemeral previews per pull request that are not long-lived environments.";
	const small = smallProject(ctx);
	if (upstream) {
		envs = canonicalEnvironments(upstream.value);
		if (upstream.noStaging) envs = envs.filter((e) => e !== "staging" && e !== "uat");
		rationale = upstream.noStaging
			? `The testing strategy rules out a staging environment (${describeProvenance(upstream.from)}), so none is added here: the pipeline's gates and a smoke test right after each production deploy take its place.`
			: `The environments follow what earlier sections decided (${describeProvenance(upstream.from)}).`;
	} else if (small && !regulated) {
		envs = withoutStaging;
		rationale = `With ${small}, a long-lived staging environment is a cost the project cannot carry; the pipeline's gates, previews where the platform gives them, and a smoke test after each production deploy stand in for it.`;
	}
	const alternatives = [
		{
			value: "development,preview,staging,production",
			label: "with long-lived preview",
			tradeoff:
				"a shared preview environment for product review, at the cost of one more environment to keep in parity",
		},
		{
			value: standard.join(","),
			label: regulated ? "with staging and UAT" : "with staging",
			tradeoff: "a production-like stage before production, at the cost of running and paying for it",
		},
		{
			value: withoutStaging.join(","),
			label: "no staging",
			tradeoff: "cheapest, but production becomes the first production-like test",
		},
	].filter((a) => a.value !== envs.join(","));
	return {
		id: "environments",
		value: envs.join(","),
		rationale,
		alternatives,
		sources: ["twelve-factor-parity"],
		by: BUILTIN,
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
		by: BUILTIN,
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
			`${plan.tier.name}${plan.tier.aws.replace("&", "and") === plan.tier.name ? "" : ` (${plan.tier.aws})`} fits the data layer; ${plan.rtoExplanation}.`,
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
			by: { kind: "agent", agent: f.backend },
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
