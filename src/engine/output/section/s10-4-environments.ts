// 10.4 Environment Management: development, staging, production, and what parity means here.

import { ruleKind } from "../../decisions/consistency";
import { noStagingSentence } from "../../decisions/environments";
import { vmProfile } from "../../decisions/vm-platform";
import { CLOUDS } from "../../knowledge/clouds";
import { bullets, join, table } from "./md";
import { type EnvironmentPlan, productionInstances, type SectionModel } from "./model";
import { vmArtefact } from "./vm/ansible";
import { isAnsibleVm } from "./vm/s10-3-vm";

function envBlock(heading: string, env: EnvironmentPlan | undefined, extra: string[]): string {
	if (!env)
		return join(
			`### ${heading}`,
			`Not a long-lived environment in this plan: ${extra[0] ?? "its role is covered by previews."}`,
		);
	return join(
		`### ${heading}`,
		bullets([
			`Purpose: ${env.purpose}.`,
			`Size: ${env.size}.`,
			`Data: ${env.data}.`,
			`Promotion: ${env.trigger}; gate: ${env.gate}; approver: ${env.approver}.`,
			...extra,
		]),
	);
}

export function renderEnvironments(m: SectionModel): string {
	const by = (n: string) => m.environments.find((e) => e.name === n);
	const { ctx } = m;
	const stack = [ctx.stack.backendRuntime, ctx.stack.backendFramework, ctx.database.engine, ctx.cache]
		.filter(Boolean)
		.join(", ");
	const regulated = m.compliance.length > 0;
	const staging = by("staging") ?? by("uat");
	// Servers deployed by Ansible without containers: the stack's own artefact and the roles, not images and modules.
	const vm = isAnsibleVm(m) ? vmArtefact(vmProfile(ctx)) : undefined;
	// Columns and rows for the environments this plan has: a removed one leaves no column, node or sentence behind.
	const pre = staging ? [staging.name === "uat" ? "UAT" : "Staging"] : [];
	const row = (aspect: string, dev: string, mid: string, prod: string) => [
		aspect,
		dev,
		...(staging ? [mid] : []),
		prod,
	];
	// Environment warnings (a removed environment, no staging) are said here, where the environments are.
	const notes = m.warnings
		.filter((w) => w.decision === "environments")
		.map((w) => `**${ruleKind(w)}.** ${w.message}${m.cite(w.sources ?? [])}`);
	const before = staging ? staging.name : "production";
	return join(
		"## 10.4 Environment Management",
		envBlock("Development environment", by("development"), [
			vm
				? `Runs ${vm.label} locally with ${stack || "the production stack"} at the production major versions; changes to the Ansible roles are tried on a throwaway VM before they reach ${before}.`
				: `Runs the same container image definition locally (Docker Compose) with ${stack || "the production stack"} at the production major versions.`,
			`Pull requests also get ephemeral previews: ${m.platform.preview}.`,
		]),
		staging
			? envBlock("Staging environment", staging, [
					vm
						? "Deployed by the pipeline only, from the same artefact production will run, with the same Ansible roles and its own inventory."
						: `Deployed by the pipeline only, from the same artifact production will run, with the same IaC modules and ${m.platform.name} configuration.`,
					regulated
						? "No production data: synthetic data only, as the compliance regimes in scope require."
						: "Production data never flows here unmasked.",
				])
			: join(
					"### Pre-production testing",
					notes.length ? notes.join("\n\n") : noStagingSentence(m.decisions.environments, ctx, m.platform),
				),
		envBlock("Production environment", by("production"), [
			`On ${m.platform.name}${ctx.cloud !== "none" ? ` in its own ${CLOUDS[ctx.cloud].accountUnit}` : ""}; changes only through the pipeline; break-glass access is logged and reviewed.`,
			`Observed through ${m.alertTool}${alertCount(ctx.monitoring.alerts.length)}.`,
		]),
		staging && notes.length ? notes.join("\n\n") : undefined,
		"### Environment parity",
		"Same artifact, same modules, same versions: what differs between environments is deliberate and listed here.",
		table(
			["Aspect", "Development", ...pre, "Production"],
			[
				vm
					? row(
							"Artifact",
							"built locally",
							`the commit's \`${vm.file}\``,
							staging ? `the same file as ${staging.name}` : `the commit's \`${vm.file}\``,
						)
					: row(
							"Artifact",
							"built locally",
							"the commit's image",
							staging ? `the same image as ${staging.name}` : "the commit's image",
						),
				vm
					? row(
							"Infrastructure code",
							"none (local run)",
							`the shared roles, ${staging?.name ?? ""} inventory`,
							"the shared roles, production inventory",
						)
					: row("Infrastructure code", "Docker Compose", "the shared modules", "the shared modules"),
				row("Instance count", "1", "1", productionInstances(m.platform, ctx)),
				row(
					"Database",
					`local ${ctx.database.engine}`,
					`${m.db.name}, smallest size`,
					// Where 10.6 finds no standby in the inputs, production names none either.
					m.recovery.modes.some((r) => r.mechanism.includes("no standby in the inputs"))
						? `${m.db.name}, one instance (no standby in the inputs; 10.6)`
						: `${m.db.name}, ${m.db.ha}`,
				),
				row("Data", "fixtures", regulated ? "synthetic" : "synthetic or anonymised", "live"),
				row("Third parties", "sandboxes or fakes", "sandboxes", "live accounts"),
				row("Alerting", "none", "to the team channel", "pages on-call"),
			],
		),
		staging
			? `Parity is checked, not hoped for: the nightly ${vm ? "`--check --diff` run" : "drift plan"} runs against ${staging.name} and production, and a release is blocked when ${staging.name}'s configuration differs from production's outside the rows above.`
			: `Parity is checked, not hoped for: the nightly ${vm ? "`--check --diff` run" : "drift plan"} runs against production, and a release is blocked when production's configuration differs from the infrastructure code outside the rows above.`,
	);
}

/** "with the 8 alerts defined in Section 9", from the alerts themselves. */
function alertCount(n: number): string {
	return n ? ` with the ${n === 1 ? "alert" : `${n} alerts`} defined in Section 9` : "";
}
