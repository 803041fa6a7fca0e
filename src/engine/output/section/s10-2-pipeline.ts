// 10.2 CI/CD Pipeline: the stages diagram, build, test, deploy and post-deploy validation, and the pipeline file.

import { humanDuration } from "../../decisions/duration";
import { CLOUDS } from "../../knowledge/clouds";
import { bullets, code, join, mermaidLabel, numbered, shorten, table } from "./md";
import type { SectionModel } from "./model";
import { langCommands, pipelineDefinition, platformTokenName } from "./pipeline";

function diagram(m: SectionModel): string {
	const lines = ["flowchart LR"];
	m.stages.forEach((s, i) => {
		const id = `S${i + 1}`;
		lines.push(`  ${id}["${mermaidLabel(`${s.name} (~${s.minutes} min)`)}"]`);
	});
	m.stages.forEach((_stage, i) => {
		if (i === 0) return;
		lines.push(`  S${i} -->|"${shorten(mermaidLabel(m.stages[i - 1]!.gate), 60)}"| S${i + 1}`);
	});
	const approvalAt = m.stages.findIndex((s) => s.id === "deploy-production");
	if (approvalAt > 0) lines.push(`  APPROVAL{{"Release approval"}} -.-> S${approvalAt + 1}`);
	lines.push(`  S${m.stages.length} -->|"abort criterion fires"| RB["Rollback runbook"]`);
	return code("mermaid", lines.join("\n"));
}

function build(m: SectionModel): string {
	return join(
		"### Build stage",
		bullets([
			`One build per commit: the container image (or bundle) is tagged with the full commit SHA and pushed once; staging and production deploy that exact digest, never a rebuild.`,
			"A CycloneDX SBOM is generated for the image and attached to the build; the image is signed before it is pushed.",
			`Dependency caching: ${m.ci.caching}.${m.cite(m.ci.sources.filter((s) => /cache|gitlab|circle|azure-devops-cache/.test(s)))}`,
			`Supersede stale runs: ${m.ci.cancelSuperseded}; reuse across repositories through ${m.ci.reuse}.`,
		]),
	);
}

function test(m: SectionModel): string {
	const rows = m.stages
		.filter((s) => ["lint", "test", "scan", "e2e"].includes(s.id))
		.map((s) => [s.name, s.what, s.gate, s.trigger]);
	const fromHandoff = m.ctx.testing.gates.length
		? `The gates are Section 8's quality gates, enforced as blocking pipeline checks:\n\n${bullets(m.ctx.testing.gates.map((g) => `${g.name}: ${g.threshold}${g.blocking ? " (blocking)" : " (advisory, reported on the pull request)"}`))}`
		: `Section 8 gives no explicit quality gates, so the pipeline enforces ${m.coverageUnit}% unit coverage, a passing end-to-end suite and zero critical or high vulnerabilities.`;
	return join(
		"### Test stage",
		table(["Check", "Runs", "Threshold (blocks the pipeline)", "When"], rows),
		fromHandoff,
		`Coverage is enforced by the test command itself: ${"`"}${langCommands(m.ctx, m.coverageUnit).test}${"`"}.`,
		"Lint, unit tests and the security scan run in parallel jobs; E2E runs only after the cheap checks pass (fail fast).",
	);
}

function deploy(m: SectionModel): string {
	const identity =
		m.ctx.cloud === "none"
			? `${m.platform.name} has no OIDC federation for deploys, so the deploy job uses a ${m.platform.name} token (\`${platformTokenName(m)}\`) stored as an environment secret of each environment, scoped to that environment's project, rotated every 90 days.`
			: `OIDC federation — ${m.ci.oidc}; on ${CLOUDS[m.ctx.cloud].name} ${CLOUDS[m.ctx.cloud].identity.wording}; no long-lived cloud keys are stored in ${m.ci.name}.`;
	return join(
		"### Deploy stage",
		bullets([
			`Identity: ${identity}${m.cite(CLOUDS[m.ctx.cloud].identity.sources)}`,
			`Secrets: ${m.ci.secrets}.`,
			`Serialisation: ${m.ci.serialize}; a production deploy is never cancelled half-way.${m.cite(m.ci.sources.slice(0, 1))}`,
			`Approval: ${m.ci.approval}.`,
			`Pin every third-party action or image to a full commit SHA or digest and give the pipeline token read-only permissions by default.${m.cite(m.ci.id === "github-actions" ? ["gh-hardening"] : [])}`,
		]),
		"The production deploy command:",
		code("bash", m.platform.deployCommand(m.ctx.serviceName, "production")),
	);
}

function postDeploy(m: SectionModel): string {
	const post = m.stages.find((s) => s.id === "post-deploy")!;
	const mon = m.ctx.monitoring;
	const tools = [mon.apm, mon.metrics, mon.logging, mon.errors, mon.tracing].filter(
		(t, i, a): t is string => Boolean(t) && a.indexOf(t) === i,
	);
	return join(
		"### Post-deploy validation",
		numbered([
			`Smoke tests hit the health endpoint and the two most used user journeys on production within one minute of the deploy.`,
			`A watch window of ${humanDuration(post.minutes)} follows in ${tools.length ? tools.join(", ") : m.alertTool}; the deploy job stays open and polls the monitors.`,
			`Abort criteria — any of these triggers the rollback runbook automatically${m.decisions.strategy === "canary" ? " and the canary is aborted before it widens" : ""}:\n\n${bullets(m.abortCriteria.map((a) => `\`${a}\``)).replace(/^/gm, "   ")}`,
			"A deploy marker (version and SHA) is sent to the monitoring tools so dashboards show before and after.",
			`The result (success, rolled back) is written to the deployment record.`,
		]),
		m.ctx.monitoring.dashboards.length
			? `Dashboards watched during the window: ${m.ctx.monitoring.dashboards.join(", ")}.`
			: undefined,
	);
}

function definition(m: SectionModel): string {
	const def = pipelineDefinition(m);
	return join(`### Pipeline definition (\`${def.file}\`)`, code(def.lang, def.body));
}

function optimisation(m: SectionModel): string {
	const total = m.stages.reduce((a, s) => a + s.minutes, 0);
	return join(
		"### Pipeline optimisation",
		bullets([
			`Expected duration from merge to production: about ${total} minutes plus approval time.`,
			`Caching: ${m.ci.caching}; container layers cached in the registry.`,
			"Parallel jobs: lint, unit tests and scans run at the same time; E2E shards across 4 workers when the suite exceeds 10 minutes.",
			"Path filters skip jobs whose inputs did not change (documentation-only changes skip the deploy).",
			`Flaky tests are quarantined within a day and tracked; a retry hides nothing in the production path.`,
		]),
	);
}

export function renderPipeline(m: SectionModel): string {
	return join(
		"## 10.2 CI/CD Pipeline",
		`${m.ci.name} runs the pipeline (\`${m.ci.file}\`).`,
		"### Pipeline stages diagram",
		diagram(m),
		table(
			["Stage", "Trigger", "Gate", "Duration"],
			m.stages.map((s) => [s.name, s.trigger, s.gate, `~${s.minutes} min`]),
		),
		build(m),
		test(m),
		deploy(m),
		postDeploy(m),
		definition(m),
		optimisation(m),
	);
}
