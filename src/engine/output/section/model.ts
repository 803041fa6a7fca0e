// The section model: everything 10.1–10.6 and the handoff derive from, computed once from context and decisions.

import { type Ceremony, ceremonyFor } from "../../decisions/ceremony";
import { type ConsistencyWarning, checkConsistency } from "../../decisions/consistency";
import { recommendIac } from "../../decisions/recommend";
import { patternFor, recoveryOf } from "../../decisions/recovery";
import { applyPlatformRules, platformRules, usesLocalFileDb } from "../../decisions/rules";
import { type SeverityScale, severityScale } from "../../decisions/severity";
import type { DecisionId, Decisions, Recommendation } from "../../decisions/spec";
import { databaseOf, platformOf } from "../../decisions/stack";
import type { ProjectContext } from "../../inputs/context";
import type { Answer, OpenQuestion } from "../../inputs/questions";
import { CI_TOOLS, type CiTool } from "../../knowledge/cicd";
import type { DbFacts } from "../../knowledge/databases";
import type { DrTier } from "../../knowledge/dr";
import { IAC_TOOLS, type IacTool, type IacToolId } from "../../knowledge/iac";
import { COMPLIANCE, type ComplianceRegime } from "../../knowledge/operations";
import { recipeFor } from "../../knowledge/pipelines";
import { PLATFORMS, type PlatformFacts, type PlatformId } from "../../knowledge/platforms";
import type { RecoveryFacts } from "../../knowledge/recovery";
import { SOURCES, type SourceId } from "../../knowledge/sources";
import type { TaskFindings, TaskId } from "../../research/types";
import { buildStages, gatesForEnvironments, type PipelineStage } from "./stages";

/** Whether the platform builds from the commit (no image or zip built once by CI). */
function buildsFromSource(id: PlatformFacts["id"], cloud: ProjectContext["cloud"], iac: string): boolean {
	const r = recipeFor(id as PlatformId, cloud, iac);
	return r.registry === "none" && id !== "app-service" && id !== "vm";
}

export type { PipelineStage };

export interface SectionInput {
	ctx: ProjectContext;
	decisions: Decisions;
	recommendations: Record<DecisionId, Recommendation>;
	questions: OpenQuestion[];
	answers: Record<string, Answer>;
	findings: Partial<Record<TaskId, TaskFindings>>;
	/** ISO timestamp written into the section and the handoff. */
	generatedAt: string;
	/** Research notes files, relative to the project root. */
	researchNotes: Partial<Record<TaskId, string>>;
}

export interface EnvironmentPlan {
	name: string;
	purpose: string;
	trigger: string;
	gate: string;
	approver: string;
	size: string;
	data: string;
}

export interface ServiceTier {
	name: string;
	scope: string;
	rtoMinutes: number;
	rpoMinutes: number;
	mechanism: string;
}

export interface SectionModel extends SectionInput {
	platform: PlatformFacts;
	frontend?: PlatformFacts;
	db: DbFacts;
	ci: CiTool;
	iac: IacTool;
	tier: DrTier;
	/** Approvals, reviewers and paid tools sized to the team and budget. */
	ceremony: Ceremony;
	/** The incident severity levels, their response and paging, from the inputs or sized to the team. */
	severity: SeverityScale;
	stages: PipelineStage[];
	environments: EnvironmentPlan[];
	serviceTiers: ServiceTier[];
	warnings: ConsistencyWarning[];
	compliance: ComplianceRegime[];
	flagTool: string;
	abortCriteria: string[];
	/** The monitoring tool the dashboards and alerts live in, as a canonical name ("Sentry", not the input's wording). */
	alertTool: string;
	coverageUnit: number;
	/** Recovery per failure mode from the mechanisms the data store has. */
	recovery: RecoveryFacts;
	cite: (ids: SourceId[]) => string;
	citedSources: () => SourceId[];
}

/** The production instance floor in words, from the platform's own model. */
export function productionInstances(platform: PlatformFacts, ctx: ProjectContext): string {
	if (usesLocalFileDb(ctx) && platform.localFileDb.support === "single-instance")
		return "exactly 1 (the database file's volume)";
	const n = platform.scaling.minInstances;
	if (n === 0) return "none fixed: it scales per request";
	if (platform.scaling.autoscales) return `${n} or more, autoscaled`;
	return n === 1 ? "1 instance" : `at least ${n} instances`;
}

function buildEnvironments(
	d: Decisions,
	platform: PlatformFacts,
	regulated: boolean,
	ceremony: Ceremony,
	ctx: ProjectContext,
	stages: PipelineStage[],
): EnvironmentPlan[] {
	const approver = ceremony.approver;
	// The staging gate is what Section 8 puts there; with none, the smoke test is all that runs before production.
	const stagingGates = stages.find((s) => s.id === "e2e")?.gates ?? [];
	const stagingGate = stagingGates.length ? stagingGates.map((g) => g.name).join(", ") : "smoke test";
	const plans: Record<string, EnvironmentPlan> = {
		development: {
			name: "development",
			purpose: "local work and fast feedback",
			trigger: "every save and push",
			gate: "lint and unit tests",
			approver: "none",
			size: "local containers or the smallest tier",
			data: "seeded fixtures",
		},
		preview: {
			name: "preview",
			purpose: "review of each pull request on its own URL",
			trigger: "pull request opened or updated",
			gate: "build, unit tests and scan",
			approver: "none (code review)",
			size: "smallest tier, destroyed on merge",
			data: "synthetic seed data",
		},
		staging: {
			name: "staging",
			purpose: "production-like verification of the exact artifact",
			trigger: "merge to main",
			gate: stagingGate,
			approver: "automatic",
			size: "one replica of each service at production size",
			data: regulated ? "synthetic data only" : "anonymised or synthetic data",
		},
		uat: {
			name: "uat",
			purpose: "business sign-off on a release candidate",
			trigger: d.environments.includes("staging") ? "staging green" : "merge to main",
			gate: "sign-off recorded on the release",
			approver: "product owner",
			size: "one replica of each service at production size",
			data: "synthetic data only",
		},
		production: {
			name: "production",
			purpose: "serves users",
			trigger: ceremony.approver.startsWith("the pull-request reviewer")
				? "merge to main"
				: "approval of the release",
			gate: "post-deploy validation window",
			approver,
			size: `${productionInstances(platform, ctx)} on ${platform.name}${platform.scaling.autoscales ? "" : ", scaled by the scaling runbook"}`,
			data: "live data",
		},
	};
	return d.environments.map(
		(e) =>
			plans[e] ?? {
				name: e,
				purpose: "team-specific environment",
				trigger: "manual",
				gate: "the end-to-end gates",
				approver: "the environment owner",
				size: "the smallest size that runs every service",
				data: "synthetic data",
			},
	);
}

function buildTiers(
	ctx: ProjectContext,
	d: Decisions,
	db: DbFacts,
	platform: PlatformFacts,
	recovery: RecoveryFacts,
): ServiceTier[] {
	// Services by name as the inputs list them: those that take traffic are the core, the rest support it.
	const services = ctx.model?.services ?? [];
	const named = (list: typeof services) => list.map((x) => `\`${x.name}\``).join(", ");
	const front = services.filter((x) => x.ingress && x.kind !== "static");
	const back = services.filter((x) => !front.includes(x));
	const core = front.length ? `${named(front)} and ${db.name}` : `${ctx.serviceName} API and ${db.name}`;
	const supporting = [
		ctx.frontend ? `${PLATFORMS[ctx.frontend.platform].name} frontend` : undefined,
		ctx.cache ? `${ctx.cache} cache` : undefined,
		back.length ? named(back) : "background jobs",
	]
		.filter(Boolean)
		.join(", ");
	return [
		{
			name: "Tier 1 — transactional core",
			scope: core,
			rtoMinutes: d.rtoMinutes,
			rpoMinutes: d.rpoMinutes,
			mechanism: recovery.modes.find((r) => r.mode === "logical")!.mechanism,
		},
		{
			name: "Tier 2 — user-facing supporting services",
			scope: supporting,
			rtoMinutes: Math.max(d.rtoMinutes, Math.min(d.rtoMinutes * 2, 1440)),
			rpoMinutes: Math.max(d.rpoMinutes, 60),
			mechanism: `redeploy from the artifact registry and IaC on ${platform.name}; caches are rebuilt, not restored`,
		},
		{
			name: "Tier 3 — internal tooling and analytics",
			scope: "admin tools, reporting, CI runners",
			rtoMinutes: Math.max(d.rtoMinutes, 1440),
			rpoMinutes: Math.max(d.rpoMinutes, 1440),
			mechanism: "recreate from IaC; data from the daily backup",
		},
	];
}

function abortCriteria(ctx: ProjectContext): string[] {
	const critical = ctx.monitoring.alerts.filter((a) => /crit|sev-?1|page|high/i.test(a.severity));
	const picked = (critical.length ? critical : ctx.monitoring.alerts).slice(0, 4);
	if (picked.length) return picked.map((a) => `${a.name}: ${a.condition}`);
	return [
		"5xx error rate above 1% for 5 minutes",
		"p95 latency above 800 ms for 5 minutes",
		"health check failing on any instance",
	];
}

/** The canonical name of the tool that watches errors and latency: APM first, then metrics, then error tracking. */
function monitoringTool(ctx: ProjectContext, platform: PlatformFacts): string {
	const mon = ctx.model.monitoring;
	return mon.apm?.value ?? mon.metrics?.value ?? mon.errors?.value ?? `${platform.name} metrics`;
}

export function buildModel(input: SectionInput): SectionModel {
	const warnings = checkConsistency(input.decisions, input.ctx);
	// Gates named after an environment the plan does not have lose that name (10.2 says where they run now).
	const ctx: ProjectContext = {
		...input.ctx,
		testing: {
			...input.ctx.testing,
			gates: gatesForEnvironments(input.ctx.testing.gates, input.decisions.environments),
		},
	};
	// The section is written from decisions the platform can run: a refused value is replaced as its rule says.
	const decisions = applyPlatformRules(
		input.decisions,
		platformRules(input.decisions, ctx, recommendIac(ctx).value as IacToolId),
	);
	const platform = platformOf(ctx, decisions.strategy);
	const db = databaseOf(ctx);
	const compliance = ctx.compliance.map((c) => COMPLIANCE[c]);
	const regulated = compliance.some((c) => c.requiresSeparationOfDuties);
	const coverageUnit = ctx.testing.coverage.unit ?? 80;
	const ceremony = ceremonyFor(ctx, regulated);
	const order: SourceId[] = [];
	const cite = (ids: SourceId[]) => {
		const nums = [...new Set(ids)].map((id) => {
			let i = order.indexOf(id);
			if (i === -1) {
				order.push(id);
				i = order.length - 1;
			}
			return i + 1;
		});
		return nums.length ? ` [${nums.sort((a, b) => a - b).join(", ")}]` : "";
	};
	const flagAnswer = input.answers["feature-flags"]?.text;
	const recovery = recoveryOf(ctx, decisions.backupMinutes);
	const stages = buildStages(
		ctx,
		decisions,
		platform,
		coverageUnit,
		buildsFromSource(platform.id, ctx.cloud, decisions.iac),
	);
	return {
		...input,
		ctx,
		decisions,
		platform,
		frontend: ctx.frontend ? PLATFORMS[ctx.frontend.platform] : undefined,
		db,
		ci: CI_TOOLS[decisions.ci],
		iac: IAC_TOOLS[decisions.iac],
		tier: patternFor(recovery, decisions.rtoMinutes, decisions.rpoMinutes),
		stages,
		environments: buildEnvironments(decisions, platform, regulated, ceremony, ctx, stages),
		ceremony,
		serviceTiers: buildTiers(ctx, decisions, db, platform, recovery),
		warnings,
		compliance,
		flagTool: flagAnswer ?? ctx.flagTool ?? "Unleash (self-hosted) behind the OpenFeature SDK",
		abortCriteria: abortCriteria(ctx),
		severity: severityScale(ctx, ceremony.incident),
		alertTool: monitoringTool(ctx, platform),
		coverageUnit,
		recovery,
		cite,
		citedSources: () => [...order],
	};
}

export function sourceLine(id: SourceId): string {
	const s = SOURCES[id];
	return `[${s.title}](${s.url})`;
}
