// 10.2 CI/CD Pipeline: the stages diagram, build, test, deploy and post-deploy validation, and the pipeline file,
// all from one plan (output/section/pipeline/) so the prose and the file say the same thing.

import { humanDuration } from "../../decisions/duration";
import { CLOUDS } from "../../knowledge/clouds";
import { CLOUD_OIDC, gateCommand } from "../../knowledge/pipelines";
import type { SourceId } from "../../knowledge/sources";
import { SSH_SETUP } from "../../knowledge/vms";
import { bullets, code, inlineCode, join, mermaidLabel, numbered, shorten, table } from "./md";
import type { SectionModel } from "./model";
import { buildPlan, hasCab, type PipelinePlan, pipelineDefinition } from "./pipeline";
import { kubernetesDelivery, kubernetesIdentity, kubernetesSummary } from "./pipeline/gitops";
import { productionProtection } from "./pipeline/plan";
import { gateStageLabel, gateStages, thresholdText } from "./stages";
import { isAnsibleVm } from "./vm/s10-3-vm";

const CI_OIDC_MECHANISM: Record<string, string> = {
	"github-actions": "the job's `id-token: write` permission and the cloud's official login action",
	"gitlab-ci": "an `id_tokens:` entry with the cloud's audience, exchanged in the job's script",
	circleci: "`$CIRCLE_OIDC_TOKEN_V2`, exchanged in the job's script",
	"azure-devops": "an Azure Resource Manager service connection with workload identity federation",
	jenkins: "an id token from the OpenID Connect Provider plugin, bound as a file credential",
};

function diagram(m: SectionModel): string {
	const path = m.stages.filter((s) => s.path === "release");
	const side = m.stages.filter((s) => s.path === "side");
	const lines = ["flowchart LR"];
	path.forEach((s, i) => {
		lines.push(`  S${i + 1}["${mermaidLabel(`${s.name} (~${s.minutes} min)`)}"]`);
	});
	path.forEach((s, i) => {
		if (i === 0) return;
		const n = path[i - 1]!.gates.length;
		const exit = n ? `${n === 1 ? "its gate passes" : `${n} gates pass`}` : path[i - 1]!.gate;
		lines.push(`  S${i} -->|"${shorten(mermaidLabel(exit), 40)}"| S${i + 1}`);
		void s;
	});
	const approvalAt = path.findIndex((s) => s.id === "deploy-production");
	if (approvalAt > 0) lines.push(`  APPROVAL{{"Release approval"}} -.-> S${approvalAt + 1}`);
	side.forEach((s, i) => {
		lines.push(`  X${i + 1}["${mermaidLabel(`${s.name}: ${s.trigger} (~${s.minutes} min)`)}"]`);
	});
	lines.push(`  S${path.length} -->|"abort criterion fires"| RB["Rollback runbook"]`);
	return code("mermaid", lines.join("\n"));
}

function build(m: SectionModel, plan: PipelinePlan): string {
	const caches = plan.languages.map(
		(l) =>
			`${l.toolchain.label} ${l.version}${l.stated ? "" : " (assumed: the inputs state no version)"}: cache keyed on ${l.toolchain.cacheKey.map((f) => inlineCode(f)).join(", ")}`,
	);
	const artifact = plan.registry
		? plan.recipe.remoteBuild
			? `${m.platform.name}'s remote builder builds each app's image from the commit into ${plan.registry.name}; the deploy token is scoped to that app.`
			: `One image per service (${plan.services.length}), tagged with the commit SHA, scanned before it is pushed, pushed once to ${plan.registry.name} and signed with cosign${plan.keyless === false ? ` using a ${m.ctx.cloud !== "none" ? CLOUDS[m.ctx.cloud].kms.name : "KMS"} key named in \`COSIGN_KEY\` (keyless signing trusts GitLab.com's tokens, not a self-managed instance's)${m.cite(["gitlab-cosign"])}` : ""}; every environment deploys that digest, never a rebuild.`
		: plan.jobs.some((j) => j.produces.includes("app.zip"))
			? "One `app.zip` is published once and kept as a pipeline artifact; every environment deploys that file."
			: m.platform.family === "vm" && !isAnsibleVm(m)
				? `No registry: ${plan.recipe.summary}.`
				: `No container image and no registry: ${plan.recipe.summary}.`;
	return join(
		"### Build stage",
		bullets([
			`${artifact}${m.cite(plan.recipe.sources.slice(0, 2))}`,
			`Toolchains and dependency caches: ${caches.join("; ")}.${m.cite(m.ci.id === "github-actions" ? plan.languages.flatMap((l) => l.toolchain.sources.slice(0, 1)) : [])}`,
			`Supersede stale runs: ${m.ci.cancelSuperseded}; reuse across repositories through ${m.ci.reuse}.`,
		]),
	);
}

function test(m: SectionModel, plan: PipelinePlan): string {
	const gates = m.ctx.testing.gates;
	const rows = gates.map((g) => [
		g.name,
		thresholdText(g),
		gateStages(g)
			.map((s) => gateStageLabel(s, m.decisions.environments))
			.join(" and "),
		g.blocking ? "blocks" : "advisory",
	]);
	const coverage = plan.jobs
		.filter((j) => j.id.startsWith("verify"))
		.map((j) => `${j.lang!.toolchain.label}: ${inlineCode(j.steps[2]!.run.join(" && "))}`);
	return join(
		"### Test stage",
		gates.length
			? `Section 8 defines ${gates.length} quality gate${gates.length === 1 ? "" : "s"}; each runs where Section 8 places it, with its own threshold:`
			: `Section 8 gives no quality gates, so the pipeline enforces ${m.coverageUnit}% line coverage and zero lint errors; add the missing gates there.`,
		gates.length ? table(["Gate", "Threshold", "Runs", "Effect"], rows) : undefined,
		`Coverage is enforced by the test command of each toolchain:\n\n${bullets(coverage)}`,
		infraGates(m),
		plan.scripted.length
			? `No standard command is known for ${plan.scripted.length === 1 ? "one gate" : `${plan.scripted.length} gates`} (${plan.scripted.map((g) => g.name).join(", ")}): each runs a script under \`scripts/gates/\` named after it, which the team writes.`
			: undefined,
	);
}

function infraGates(m: SectionModel): string | undefined {
	const infra = m.stages.find((s) => s.id === "infra");
	if (!infra?.gates.length) return undefined;
	return `The infrastructure gates (${infra.gates.map((g) => g.name).join(", ")}) run in the infrastructure pipeline of 10.3, on changes under \`infra/\`.`;
}

/** Gates a controller or a reviewer enforces, not a CI command. */
function outsideCi(m: SectionModel): string | undefined {
	const held = m.ctx.testing.gates
		.map((g) => ({ g, by: gateCommand(g.name)?.enforcedBy }))
		.filter((x): x is { g: (typeof m.ctx.testing.gates)[number]; by: string } => x.by !== undefined);
	if (!held.length) return undefined;
	return `Enforced outside the CI jobs: ${held.map((x) => `${x.g.name} (${thresholdText(x.g)}) by ${x.by}`).join("; ")}.`;
}

/** The non-secret variables deploy jobs read per environment besides the cloud identifiers, each with what it holds. */
function networkVars(plan: PipelinePlan): string {
	const used = [...new Set(plan.jobs.flatMap((j) => j.vars ?? []))];
	const what = plan.recipe.vars ?? {};
	return used.length
		? ` For the migration task's network each deploy environment also sets IDs of the network the IaC creates: ${used.map((v) => `\`${v}\` (${what[v]})`).join(" and ")}.`
		: "";
}

function identity(m: SectionModel, plan: PipelinePlan): string {
	const cloud = m.ctx.cloud;
	const federated = () =>
		cloud !== "none"
			? `OIDC federation to ${CLOUDS[cloud].name} through ${CI_OIDC_MECHANISM[m.ci.id]}; ${CLOUDS[cloud].identity.wording}. No long-lived cloud key is stored; the job reads only the non-secret identifiers ${CLOUD_OIDC[cloud].vars.map((v) => `\`${v}\``).join(", ")}.${m.cite(CLOUD_OIDC[cloud].sources.slice(0, 2))}${networkVars(plan)}`
			: "";
	if (m.platform.id === "kubernetes") {
		const k = kubernetesDelivery(m);
		const practice: SourceId[] =
			k.mode.gitops === "flux"
				? ["pipe-flux-repos"]
				: k.mode.gitops === "argo-cd"
					? ["pipe-argocd-practices"]
					: ["pipe-argocd-practices", "pipe-flux-repos"];
		return `${kubernetesIdentity(k, federated, m.ci.id === "gitlab-ci" ? "merge" : "pull")}${m.cite(practice)}`;
	}
	if (plan.recipe.identity.kind === "oidc" && cloud !== "none") return federated();
	if (plan.recipe.identity.kind === "token" && isAnsibleVm(m))
		return `SSH to the servers: each environment holds its own deploy key (\`DEPLOY_SSH_KEY\`, accepted only by the deploy user of that environment's hosts), its hosts' public keys (\`SSH_KNOWN_HOSTS\`, written to \`~/.ssh/known_hosts\` so host-key checking stays on) and its own Ansible Vault password (\`ANSIBLE_VAULT_PASSWORD\`) as environment secrets; no cloud role is involved. The key and the password are rotated every 90 days; \`SSH_KNOWN_HOSTS\` changes when a host is added or rebuilt.${m.cite([...plan.recipe.sources.slice(0, 1), ...SSH_SETUP.sources])}`;
	if (plan.recipe.identity.kind === "token" && m.platform.family === "vm" && m.ctx.cloud === "none")
		return `SSH to the servers: each environment holds its own deploy key (\`DEPLOY_SSH_KEY\`, accepted only by the deploy user of that environment's hosts) and its hosts' public keys (\`SSH_KNOWN_HOSTS\`, written to \`~/.ssh/known_hosts\` so host-key checking stays on) as environment secrets; no cloud role is involved. The key is rotated every 90 days.${m.cite([...SSH_SETUP.sources])}`;
	if (plan.recipe.identity.kind === "token") {
		const secrets = plan.recipe.identity.secrets({ app: m.ctx.serviceName, services: plan.services });
		return `${m.platform.name} has no cloud role to federate with, so each environment holds its own API ${secrets.length === 1 ? "token as an environment secret" : `credentials as ${secrets.length} environment secrets`} (${secrets.map((s) => `\`${s}\``).join(", ")}); \`${m.platform.ciToken}\` is ${m.platform.ciTokenScope ?? "given the narrowest scope the platform allows"}, and is rotated every 90 days.${m.cite(plan.recipe.sources.slice(0, 1))}`;
	}
	return "The deploy job needs no credentials of its own.";
}

function deploy(m: SectionModel, plan: PipelinePlan): string {
	const cab = hasCab(m);
	return join(
		"### Deploy stage",
		bullets([
			`How a release reaches ${m.platform.name}: ${m.platform.id === "kubernetes" ? kubernetesSummary(kubernetesDelivery(m)) : plan.recipe.summary}.${m.cite([...plan.recipe.sources.slice(0, 2), ...(m.platform.id === "kubernetes" && kubernetesDelivery(m).imageAutomation && m.ctx.model.gitops?.value === "flux" ? (["flux-image-automation"] as const) : [])])}`,
			`Identity: ${identity(m, plan)}`,
			`Secrets: ${m.ci.secrets}.`,
			`Serialisation: ${m.ci.serialize}; a production deploy is never cancelled half-way.${m.cite(m.ci.sources.slice(0, 1))}`,
			`Approval: ${productionProtection(m)}${cab ? "; the change advisory board is the approving group" : ""}.`,
			`${m.ci.hardening}. The pipeline above names its ${PINNED[m.ci.id]} by version tag so it stays readable: replace each tag with its commit SHA or image digest when adopting it, and let Dependabot or Renovate keep the pins current.${m.cite(m.ci.hardeningSources)}`,
		]),
		outsideCi(m),
		plan.services.length > 1
			? `Every service is released by the same job: ${plan.services.map((s) => `\`${s.name}\` (${s.kind})`).join(", ")}.`
			: undefined,
	);
}

/** What a pipeline of each CI tool refers to by version (and should pin). */
const PINNED: Record<SectionModel["ci"]["id"], string> = {
	"github-actions": "actions and images",
	"gitlab-ci": "images and includes",
	circleci: "orbs and images",
	"azure-devops": "images and tasks",
	jenkins: "images and tools",
};

function postDeploy(m: SectionModel): string {
	const post = m.stages.find((s) => s.id === "post-deploy")!;
	// Canonical tool names ("Sentry"), never the input's wording with its parentheses.
	const mon = m.ctx.model.monitoring;
	const tools = [mon.apm, mon.metrics, mon.logging, mon.errors, mon.tracing]
		.map((t) => t?.value)
		.filter((t, i, a): t is string => Boolean(t) && a.indexOf(t) === i);
	return join(
		"### Post-deploy validation",
		numbered([
			`The smoke test hits the health endpoint of the new release before it takes traffic${post.gates.length ? `, then ${post.gates.map((g) => `${g.name} (${thresholdText(g)})`).join("; ")}` : ""}.`,
			`A watch window of ${humanDuration(post.minutes)} follows in ${tools.length ? tools.join(", ") : m.alertTool}; the engineer who merged the change watches them until the window closes, and the alerts behind the abort criteria below stay armed (the pipeline itself does not poll them).`,
			`Abort criteria — any of these triggers the rollback runbook${m.decisions.strategy === "canary" ? " and the canary is aborted before it widens" : ""}:\n\n${bullets(m.abortCriteria.map((a) => `\`${a}\``)).replace(/^/gm, "   ")}`,
			"A deploy marker (version and SHA) is sent to the monitoring tools so dashboards show before and after.",
		]),
	);
}

function optimisation(m: SectionModel, plan: PipelinePlan): string {
	const path = m.stages.filter((s) => s.path === "release");
	const total = path.reduce((a, s) => a + s.minutes, 0);
	const parallel = plan.jobs.filter((j) => j.id.startsWith("verify")).length;
	return join(
		"### Pipeline optimisation",
		bullets([
			`Merge to production: about ${total} minutes over ${path.length} stages, plus approval time.`,
			parallel > 1
				? `The ${parallel} toolchains verify in parallel jobs; the build waits for all of them.`
				: "Lint and tests share one job so the dependency cache is restored once.",
			`Dependency caches: ${m.ci.caching}, one per toolchain (${plan.languages.map((l) => l.toolchain.cacheKey.map((f) => inlineCode(f)).join(", ")).join("; ")}).`,
		]),
	);
}

export function renderPipeline(m: SectionModel): string {
	const plan = buildPlan(m);
	const def = pipelineDefinition(m, plan);
	for (const s of plan.sources) m.cite([s]);
	return join(
		"## 10.2 CI/CD Pipeline",
		`${m.ci.name} runs the pipeline (\`${m.ci.file}\`): ${plan.jobs.length} jobs for ${plan.languages.map((l) => `${l.toolchain.label} ${l.version}`).join(", ")} on ${m.platform.name}.`,
		"### Pipeline stages diagram",
		diagram(m),
		table(
			["Stage", "Trigger", "Gate", "Duration"],
			m.stages.map((s) => [s.name, s.trigger, s.gate, `~${s.minutes} min`]),
		),
		build(m, plan),
		test(m, plan),
		deploy(m, plan),
		postDeploy(m),
		join(`### Pipeline definition (\`${def.file}\`)`, code(def.lang, def.body)),
		optimisation(m, plan),
	);
}
