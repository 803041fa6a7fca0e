// 10.1 Deployment Strategy: the platform-native approach, environment progression, release process and feature flags.

import { humanDuration } from "../../decisions/duration";
import {
	PRE_PRODUCTION,
	hasPreviews as platformHasPreviews,
	preProductionTesting,
} from "../../decisions/environments";
import { workableStrategies } from "../../decisions/rules";
import { DATABASES } from "../../knowledge/databases";
import { DORA_FACTS, FLAG_FACTS, FLAG_TOOLS, MIGRATION_FACTS } from "../../knowledge/operations";
import { STRATEGY_TRADEOFFS } from "../../knowledge/platforms";
import { migrationToolOf, rowContext } from "./iac-snippet";
import { kubernetesProgressive } from "./kubernetes";
import { bullets, code, inlineCode, join, mermaidLabel, numbered, shorten, table } from "./md";
import type { SectionModel } from "./model";
import { productionProtection } from "./pipeline/plan";

function aboutOtherDatabase(text: string, dbId: string): boolean {
	return Object.values(DATABASES).some(
		(d) =>
			d.id !== dbId && d.id !== "self-managed" && d.id !== "sqlite" && text.includes(d.name.split(" (")[0]!),
	);
}

function approach(m: SectionModel): string {
	const { platform, decisions, ctx } = m;
	const mech = platform.strategies[decisions.strategy]!;
	const facts = mech.facts;
	// Platform rules here; an environment removed against the inputs is said in 10.4.
	const rules = m.warnings.filter((w) => w.rule && w.decision !== "environments");
	// Only strategies this project could switch to: a volume rules some out (said under the platform's limits).
	const alternatives = workableStrategies(ctx)
		.filter((s) => s !== decisions.strategy)
		.map((s) => `**${s}** — ${STRATEGY_TRADEOFFS[s as keyof typeof STRATEGY_TRADEOFFS]}`);
	const frontend = m.frontend
		? `The ${ctx.frontend!.label} frontend deploys separately: ${m.frontend.strategies[m.frontend.defaultStrategy]!.summary}. Rollback: ${inlineCode(m.frontend.rollback.command(ctx.serviceName))} (${m.frontend.rollback.expectedTime}).${m.cite(m.frontend.rollback.facts.flatMap((f) => f.sources))}`
		: undefined;
	// A platform limit about a database the project does not use (Fly Postgres beside a SQLite file) is left out.
	const caveats = platform.caveats.filter((c) => !aboutOtherDatabase(c.text, m.db.id));
	return join(
		"### Deployment approach",
		`**Strategy: ${decisions.strategy}** on ${platform.name} — ${mech.summary}.${m.cite(facts.flatMap((f) => f.sources))}`,
		`Why: ${m.recommendations.strategy.value === decisions.strategy ? m.recommendations.strategy.rationale : `chosen over the recommended ${m.recommendations.strategy.value}, for which the reasoning was: ${m.recommendations.strategy.rationale}`}`,
		"How a release reaches users:",
		numbered(mech.steps.map((s) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`)),
		facts.length ? bullets(facts.map((f) => `${f.text}${m.cite(f.sources)}`)) : undefined,
		frontend,
		alternatives.length
			? `Alternatives considered on ${platform.name}:\n\n${bullets(alternatives)}`
			: undefined,
		caveats.length
			? `Platform limits respected by this plan:\n\n${bullets(caveats.map((c) => `${c.text}${m.cite(c.sources)}`))}`
			: undefined,
		rules.length
			? `Platform rules applied to the choices:\n\n${bullets(rules.map((w) => `**${w.level === "warning" ? "Warning" : "Note"}** (${w.decision}): ${w.message}${m.cite(w.sources ?? [])}`))}`
			: undefined,
		kubernetesProgressive(m),
		platform.migrate
			? `Migrations on ${platform.name}: ${typeof platform.migrate.how === "string" ? platform.migrate.how : platform.migrate.how(rowContext(m))}.${m.cite([...platform.migrate.facts, ...(migrationToolOf(m)?.facts ?? [])].flatMap((f) => f.sources))}\n\n${code(platform.migrate.lang ?? "bash", platform.migrate.command(ctx.serviceName, "production", rowContext(m)))}`
			: undefined,
		"**Database changes ship separately from code.** Every migration is backward compatible with the version running before it, so a rollback never meets a schema it cannot read:",
		numbered([
			"Expand: add new columns or tables as nullable or with defaults; never rename or drop in the same release.",
			"Migrate: deploy code that writes both shapes and reads the new one; backfill in batches.",
			"Contract: remove the old shape in a later release, after the rollback window of the release that stopped using it has passed.",
		]),
		bullets([
			...MIGRATION_FACTS.map((f) => `${f.text}${m.cite(f.sources)}`),
			`A migration that corrupts data is repaired with ${m.db.pitr ? "point-in-time recovery" : "a restore of the last backup"} on ${m.db.name} (see 10.6), not with a code rollback.${m.cite(m.db.sources)}`,
		]),
	);
}

/** The platform makes a preview per pull request (its row's preview is not "none by default"). */
/** The preview's first clause, for a diagram node: what it is, not how it is set up ("(`--tag pr-<number>`)"). */
function previewLabel(text: string): string {
	return text
		.replace(/\s*\([^()]*\)/g, "")
		.split(/\s*;|:\s/)[0]!
		.trim();
}

function hasPreviews(m: SectionModel): boolean {
	return platformHasPreviews(m.platform);
}

function progression(m: SectionModel): string {
	const envs = m.environments;
	// A platform with no previews of its own goes from the pull request's checks straight to the merge.
	const previews = hasPreviews(m);
	const nodes = previews
		? [
				`  PR["Pull request"] -->|"lint, tests, scan"| PREVIEW["Preview: ${shorten(mermaidLabel(previewLabel(m.platform.preview)), 60)}"]`,
			]
		: [];
	let prev = previews ? "PREVIEW" : 'PR["Pull request"]';
	let prevGate = previews ? "merge to main" : "checks pass, merge to main";
	for (const e of envs) {
		if (e.name === "development" || e.name === "preview") continue;
		const id = e.name.toUpperCase().replace(/[^A-Z0-9]/g, "_");
		nodes.push(
			`  ${prev} -->|"${mermaidLabel(prevGate)}"| ${id}["${mermaidLabel(`${e.name}: ${e.purpose}`)}"]`,
		);
		prev = id;
		prevGate = e.name === "production" ? "" : e.gate;
	}
	const dev = envs.some((e) => e.name === "development")
		? `  DEV["Development: local"] -->|"push"| PR`
		: undefined;
	const diagram = ["flowchart LR", dev, ...nodes].filter(Boolean).join("\n");
	return join(
		"### Environment progression",
		code("mermaid", diagram),
		table(
			["Environment", "Purpose", "Promotion trigger", "Automated gate", "Approver"],
			envs.map((e) => [e.name, e.purpose, e.trigger, e.gate, e.approver]),
		),
		`Production is protected in ${m.ci.name}: ${productionProtection(m)}.${m.cite(m.ci.sources.slice(0, 2))}`,
	);
}

function releaseProcess(m: SectionModel): string {
	const { ctx, platform } = m;
	const post = m.stages.find((s) => s.id === "post-deploy")!;
	const pre = m.decisions.environments.find((e) => PRE_PRODUCTION.includes(e));
	return join(
		"### Release process",
		numbered([
			`A change lands through a pull request with one approving review and every check of 10.2 green${hasPreviews(m) ? "; the preview URL is linked on the pull request" : ""}.`,
			`Merge to \`main\` builds the artifact once, tagged with the commit SHA (\`${ctx.serviceName}:<sha>\`); no environment rebuilds it.`,
			pre
				? `The same artifact deploys to ${pre} automatically; ${preGates(m)}`
				: `No environment sits between development and production. ${preProductionTesting(platform)}`,
			`${m.ceremony.approvalStep(m.ci.name)} The deploy job is serialised (${m.ci.serialize}).`,
			`Production deploys with ${m.decisions.strategy}: ${platform.strategies[m.decisions.strategy]!.summary}.`,
			`Post-deploy validation watches ${m.alertTool} for ${humanDuration(post.minutes)}; any abort criterion triggers the rollback runbook (10.5).`,
			"The deployment is recorded (SHA, approver, start and end time) as the source for DORA metrics.",
		]),
		`Targets, measured from the deployment records: deploy on demand, change lead time under one day, change failure rate at or below 5%, failed-deployment recovery under one hour — the DORA 2024 elite thresholds.${m.cite(DORA_FACTS.flatMap((f) => f.sources))}`,
		`Releases ship from \`main\` only; hotfixes follow the same pipeline with the same gates, and a deploy freeze applies during ${m.severity.majors} incidents.`,
		m.ceremony.leftOut.length
			? `Sized to the team and budget the inputs state — left out on purpose, to add when the team or budget grows:\n\n${bullets(m.ceremony.leftOut)}`
			: undefined,
	);
}

function featureFlags(m: SectionModel): string {
	const known = FLAG_TOOLS.find((f) => f.detect.test(m.flagTool));
	return join(
		"### Feature flags",
		`Tool: **${m.flagTool}**${known ? ` (${known.kind}; ${known.rollout})${m.cite(known.sources)}` : ""}, called through the OpenFeature SDK so call sites stay the same if the provider changes.${m.cite(["openfeature"])}`,
		table(
			["Flag type", "Use", "Lifetime", "Owner"],
			[
				[
					"Release",
					"hide unfinished work; progressive exposure",
					"removed within 2 weeks of 100%",
					"the feature's team",
				],
				[
					"Ops / kill switch",
					"turn off a risky dependency or path during an incident",
					"permanent, reviewed quarterly",
					"on-call",
				],
				["Experiment", "A/B comparison with a metric", "until the decision, at most 6 weeks", "product"],
				["Permission", "plan- or role-based access", "permanent", "product"],
			],
		),
		`Progressive exposure: 1% → 5% → 25% → 50% → 100%, with at least one hour (or 1,000 sessions) per step, sticky on the user id so a user keeps the same variation as the percentage grows.${m.cite(["unleash-rollout", "launchdarkly-guarded"])}`,
		`Kill switches exist for every external dependency of ${m.ctx.serviceName} and for each newly released feature; the incident runbook lists who may flip them (${m.ceremony.incident.roles ? `${m.ceremony.incident.responder} and the incident commander` : m.ceremony.incident.responder}) and how to verify the effect in ${m.alertTool}.`,
		`Clean-up: a flag at 100% for two weeks gets a removal ticket; the pipeline's lint step fails on flags past their expiry date.${m.cite(FLAG_FACTS.flatMap((f) => f.sources))}`,
	);
}

export function renderDeploymentStrategy(m: SectionModel): string {
	return join("## 10.1 Deployment Strategy", approach(m), progression(m), releaseProcess(m), featureFlags(m));
}

/** What runs against the pre-production environment: the gates Section 8 puts there, or the smoke test alone. */
function preGates(m: SectionModel): string {
	const gates = m.stages.find((s) => s.id === "e2e")?.gates ?? [];
	return gates.length
		? `${gates.map((g) => g.name).join(", ")} run against it before production.`
		: "the smoke test runs against it; Section 8 puts no end-to-end or performance gate there, so nothing else blocks the promotion until one is added.";
}
