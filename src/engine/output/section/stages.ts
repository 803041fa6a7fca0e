// Pipeline stages and where each of Section 8's gates runs: placed by the gate's own `stage` / `when` field when it
// has one, otherwise by what the gate checks; a stage lasts at least as long as the gates it holds.

import type { Decisions } from "../../decisions/spec";
import type { ProjectContext, QualityGate } from "../../inputs/context";
import type { PlatformFacts } from "../../knowledge/platforms";

/** Canonical places a gate can run, in pipeline order. */
export type GateStage =
	| "pull-request"
	| "push"
	| "post-build"
	| "merge"
	| "infra"
	| "staging"
	| "nightly"
	| "pre-release"
	| "admission"
	| "pre-swap"
	| "rollout"
	| "post-deploy";

export const GATE_STAGE_LABEL: Record<GateStage, string> = {
	"pull-request": "pull request",
	push: "every push",
	"post-build": "after the build",
	merge: "merge to main",
	infra: "infrastructure change",
	staging: "after the staging deploy",
	nightly: "nightly schedule",
	"pre-release": "release candidate",
	admission: "cluster admission",
	"pre-swap": "before traffic moves",
	rollout: "during the production rollout",
	"post-deploy": "after the production deploy",
};

/** Where a gate runs, in words, for this plan's environments: without staging, its gates run after the production deploy. */
export function gateStageLabel(s: GateStage, envs: string[]): string {
	if (s !== "staging") return GATE_STAGE_LABEL[s];
	if (envs.includes("staging")) return GATE_STAGE_LABEL.staging;
	return envs.includes("uat") ? "after the uat deploy" : GATE_STAGE_LABEL["post-deploy"];
}

const ON_PRE_PRODUCTION =
	/\s*\b(on|in|against)\s+(the\s+)?(staging|stage|pre-?prod(uction)?|uat)\b( environment)?|\s*\([^()]*\b(staging|pre-?prod(uction)?|uat)\b[^()]*\)/gi;

/** Gates keep the test's name; "on staging" or "(post-deploy-staging)" in it goes when the plan has no such
 * environment (the stage says where the gate runs instead). */
export function gatesForEnvironments(gates: QualityGate[], envs: string[]): QualityGate[] {
	if (envs.includes("staging") || envs.includes("uat")) return gates;
	return gates.map((g) => {
		const name = g.name.replace(ON_PRE_PRODUCTION, "").trim();
		return name && name !== g.name ? { ...g, name } : g;
	});
}

/** `when` text → stages, first match wins per rule; a gate may name two ("nightly + pre-release"). */
const WHEN_RULES: [RegExp, GateStage][] = [
	[/admission|kyverno|gatekeeper|policy controller/i, "admission"],
	[/pre-?swap|before (the )?swap|pre-?traffic/i, "pre-swap"],
	[/nightly|weekly|daily|schedul|cron/i, "nightly"],
	[/release candidate|pre-?release|before (each|every|the) .*release|monthly/i, "pre-release"],
	[/rollout|canary|progressive|analysis/i, "rollout"],
	[/production|after promotion|post-?deploy(?!.*staging)|after each (dc|region|data ?cent)/i, "post-deploy"],
	[/review app|pull request|merge request|\bper pr\b|\bpr\b/i, "pull-request"],
	[/staging|pre-?prod|after .*deploy/i, "staging"],
	[/merge to main|on merge|main branch|\bmerge\b/i, "merge"],
	[/infra|terraform|tofu|\bplan\b/i, "infra"],
	[/post-?build|\bbuild\b|image/i, "post-build"],
	[/push|commit|lint|\btest\b|every|\bci\b/i, "push"],
];

/** Without a `when`: what the gate checks decides. */
const WHAT_RULES: [RegExp, GateStage][] = [
	[/admission|kyverno|gatekeeper/i, "admission"],
	[/pre-?traffic|pre-?swap/i, "pre-swap"],
	[/canary analysis|flagger|argo rollouts? analysis/i, "rollout"],
	[/production smoke|prod(uction)? synthetic/i, "post-deploy"],
	[/nightly|weekly|mutation/i, "nightly"],
	[/trivy|grype|image scan|container scan|docker scout|\bimage\b/i, "post-build"],
	[/terraform|tflint|checkov|tfsec|plan review/i, "infra"],
	[/e2e|end[- ]to[- ]end|playwright|cypress|selenium|smoke|critical (path|flow)|journey/i, "staging"],
	[/perf|latency|p9\d|load|k6|locust|gatling|artillery|jmeter|lighthouse|zap|dast|response time/i, "staging"],
];

export function gateStages(g: QualityGate): GateStage[] {
	if (g.when) {
		const hits = WHEN_RULES.filter(([re]) => re.test(g.when!)).map(([, s]) => s);
		// "staging, before each seasonal release" is a release-candidate gate run on staging: the schedule wins.
		const scheduled = hits.filter((s) => s === "nightly" || s === "pre-release");
		if (scheduled.length) return scheduled;
		if (hits.length) return [hits[0]!];
	}
	const text = `${g.name} ${g.threshold}`;
	const hit = WHAT_RULES.find(([re]) => re.test(text));
	return [hit ? hit[1] : "push"];
}

/** Minutes a gate needs by its own words ("for 10 min", "30 minutes", "1 h"), or undefined. */
export function gateMinutes(g: QualityGate): number | undefined {
	const t = `${g.name} ${g.threshold}`;
	let max: number | undefined;
	for (const m of t.matchAll(/(\d+(?:\.\d+)?)\s*(h|hours?|min|minutes?|m)\b(?!\s*(?:rps|req|users))/gi)) {
		const n = Number(m[1]) * (/^h/i.test(m[2]!) ? 60 : 1);
		// "p95 < 300 ms" is not a duration: bare "m" only after "for"/"over"/"during".
		if (m[2] === "m" && !/(for|over|during)\s*$/i.test(t.slice(0, m.index))) continue;
		max = Math.max(max ?? 0, n);
	}
	return max;
}

export interface PipelineStage {
	id: string;
	name: string;
	trigger: string;
	what: string;
	/** Gates this stage enforces, with their thresholds as written (never flattened). */
	gates: QualityGate[];
	/** One line of the stage's exit condition, from its gates or the stage's own default. */
	gate: string;
	minutes: number;
	/** `release`: on the path from merge to production; `side`: scheduled or per pull request. */
	path: "release" | "side";
}

export function thresholdText(g: QualityGate): string {
	return /^(pass|passing|passes)$/i.test(g.threshold)
		? "must pass (no numeric threshold given)"
		: g.threshold;
}

function gateLine(gates: QualityGate[], fallback: string): string {
	if (!gates.length) return fallback;
	return gates.map((g) => `${g.name}: ${thresholdText(g)}${g.blocking ? "" : " (advisory)"}`).join("; ");
}

/** The stage's length: its base, or the longest gate in it plus a few minutes of setup, whichever is longer. */
function span(base: number, gates: QualityGate[]): number {
	const longest = Math.max(0, ...gates.map((g) => gateMinutes(g) ?? 0));
	return Math.max(base, longest ? longest + 3 : 0);
}

export function buildStages(
	ctx: ProjectContext,
	d: Decisions,
	platform: PlatformFacts,
	coverageUnit: number,
	/** The platform builds from the commit itself (Vercel, Render, Heroku, Lambda packaging…): no build-once artifact. */
	buildsFromSource = false,
): PipelineStage[] {
	const f = ctx.testing.frameworks;
	const placed = new Map<GateStage, QualityGate[]>();
	for (const g of ctx.testing.gates)
		for (const s of gateStages(g)) placed.set(s, [...(placed.get(s) ?? []), g]);
	const at = (...s: GateStage[]) => s.flatMap((x) => placed.get(x) ?? []);
	const hasStaging = d.environments.includes("staging") || d.environments.includes("uat");
	const stagingName = d.environments.includes("staging") ? "staging" : "uat";
	const canary = d.strategy === "canary";
	const stage = (
		s: Omit<PipelineStage, "gate" | "minutes"> & { base: number; fallback: string },
	): PipelineStage => ({
		id: s.id,
		name: s.name,
		trigger: s.trigger,
		what: s.what,
		gates: s.gates,
		gate: gateLine(s.gates, s.fallback),
		minutes: span(s.base, s.gates),
		path: s.path,
	});
	const out: PipelineStage[] = [];
	const pr = at("pull-request");
	if (pr.length)
		out.push(
			stage({
				id: "pull-request",
				name: "Pull request checks",
				trigger: "pull request opened or updated",
				what: "checks that need a reviewer or a preview",
				gates: pr,
				base: 5,
				fallback: "",
				path: "side",
			}),
		);
	const push = at("push");
	out.push(
		stage({
			id: "verify",
			name: "Lint, test and dependency scan",
			trigger: "every push",
			what: [f.unit, f.api].filter(Boolean).join(" and ") || "linters, unit and integration suites",
			gates: push,
			base: 6,
			fallback: `unit coverage ≥ ${coverageUnit}% (no Section 8 gate given), zero lint errors`,
			path: "release",
		}),
	);
	const infra = at("infra");
	if (infra.length)
		out.push(
			stage({
				id: "infra",
				name: "Infrastructure plan",
				trigger: "change under infra/",
				what: "validate, lint and plan of the infrastructure code",
				gates: infra,
				base: 4,
				fallback: "",
				path: "side",
			}),
		);
	out.push(
		stage(
			buildsFromSource
				? {
						id: "build",
						name: `Build on ${platform.name}`,
						trigger: "each deploy",
						what: `${platform.name} builds the commit during the deploy; there is no image to store`,
						gates: at("post-build"),
						base: 3,
						fallback: "platform build succeeds",
						path: "release",
					}
				: {
						id: "build",
						name: "Build once",
						trigger: "every push",
						what: "one artifact per service, tagged with the commit SHA",
						gates: at("post-build"),
						base: 4,
						fallback: "artifact built and stored",
						path: "release",
					},
		),
	);
	const merge = at("merge");
	if (merge.length)
		out.push(
			stage({
				id: "merge",
				name: "Integration on main",
				trigger: "merge to main",
				what: "the suites that run only on main",
				gates: merge,
				base: 8,
				fallback: "",
				path: "release",
			}),
		);
	if (hasStaging) {
		out.push(
			stage({
				id: "deploy-staging",
				name: `Deploy to ${stagingName}`,
				trigger: "merge to main",
				what: `the same artifact to ${stagingName} on ${platform.name}`,
				gates: [],
				base: Math.max(2, platform.rollback.expectedMinutes),
				fallback: "health check green",
				path: "release",
			}),
		);
		out.push(
			stage({
				id: "e2e",
				name: `Verify on ${stagingName}`,
				trigger: `after the ${stagingName} deploy`,
				what: [f.e2e ?? "the end-to-end suite", f.load].filter(Boolean).join(" and "),
				gates: at("staging"),
				// With no gate placed on staging, the deploy's smoke test is all that runs there.
				base: at("staging").length ? 8 : 1,
				fallback: "the smoke test passes (Section 8 places no gate on this environment)",
				path: "release",
			}),
		);
	}
	const rc = at("pre-release");
	if (rc.length)
		out.push(
			stage({
				id: "pre-release",
				name: "Release candidate checks",
				trigger: "a release candidate is cut",
				what: "the long-running suites Section 8 reserves for release candidates",
				gates: rc,
				base: 10,
				fallback: "",
				path: "release",
			}),
		);
	const prodGates = at("admission", "pre-swap", "rollout");
	out.push(
		stage({
			id: "deploy-production",
			name: `Deploy to production (${d.strategy})`,
			trigger: "approval of the production environment",
			what: platform.strategies[d.strategy]?.summary ?? d.strategy,
			gates: prodGates,
			base: Math.max(3, platform.rollback.expectedMinutes) + (canary ? 20 : 0),
			fallback: "approved, health checks green",
			path: "release",
		}),
	);
	out.push(
		stage({
			id: "post-deploy",
			name: "Post-deploy validation",
			trigger: "after the production deploy",
			what: "smoke tests and a watch window on error rate and latency",
			// Without staging, the gates Section 8 places there run against production, inside the watch window.
			gates: at("post-deploy", ...(hasStaging ? [] : (["staging"] as GateStage[]))),
			base: canary ? 15 : 10,
			fallback: "no abort criterion fires during the window",
			path: "release",
		}),
	);
	const nightly = at("nightly");
	if (nightly.length)
		out.push(
			stage({
				id: "nightly",
				name: "Scheduled suites",
				trigger: "nightly schedule",
				what: "suites too slow for every push",
				gates: nightly,
				base: 15,
				fallback: "",
				path: "side",
			}),
		);
	return out;
}
