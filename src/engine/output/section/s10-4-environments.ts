// 10.4 Environment Management: development, staging, production, and what parity means here.

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
	return join(
		"## 10.4 Environment Management",
		envBlock("Development environment", by("development"), [
			vm
				? `Runs ${vm.label} locally with ${stack || "the production stack"} at the production major versions; changes to the Ansible roles are tried on a throwaway VM before they reach staging.`
				: `Runs the same container image definition locally (Docker Compose) with ${stack || "the production stack"} at the production major versions.`,
			`Pull requests also get ephemeral previews: ${m.platform.preview}.`,
		]),
		envBlock("Staging environment", staging, [
			vm
				? "Deployed by the pipeline only, from the same artefact production will run, with the same Ansible roles and its own inventory."
				: `Deployed by the pipeline only, from the same artifact production will run, with the same IaC modules and ${m.platform.name} configuration.`,
			regulated
				? "No production data: synthetic data only, as the compliance regimes in scope require."
				: "Production data never flows here unmasked.",
		]),
		envBlock("Production environment", by("production"), [
			`On ${m.platform.name}${ctx.cloud !== "none" ? ` in its own ${CLOUDS[ctx.cloud].accountUnit}` : ""}; changes only through the pipeline; break-glass access is logged and reviewed.`,
			`Observed through ${m.alertTool}${ctx.monitoring.alerts.length ? ` with the alerts defined in Section 9 (${ctx.monitoring.alerts.length})` : ""}.`,
		]),
		"### Environment parity",
		"Same artifact, same modules, same versions: what differs between environments is deliberate and listed here.",
		table(
			["Aspect", "Development", "Staging", "Production"],
			[
				vm
					? ["Artifact", "built locally", `the commit's \`${vm.file}\``, "the same file as staging"]
					: ["Artifact", "built locally", "the commit's image", "the same image as staging"],
				vm
					? [
							"Infrastructure code",
							"none (local run)",
							"the shared roles, staging inventory",
							"the shared roles, production inventory",
						]
					: ["Infrastructure code", "Docker Compose", "the shared modules", "the shared modules"],
				["Instance count", "1", "1", productionInstances(m.platform, ctx)],
				[
					"Database",
					`local ${ctx.database.engine}`,
					`${m.db.name}, smallest size`,
					`${m.db.name}, ${m.db.ha}`,
				],
				["Data", "fixtures", regulated ? "synthetic" : "synthetic or anonymised", "live"],
				["Third parties", "sandboxes or fakes", "sandboxes", "live accounts"],
				["Alerting", "none", "to the team channel", "pages on-call"],
			],
		),
		`Parity is checked, not hoped for: the nightly ${vm ? "`--check --diff` run" : "drift plan"} runs against staging and production, and a release is blocked when staging's configuration differs from production's outside the rows above.`,
	);
}
