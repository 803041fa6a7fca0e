// 10.3 for servers the project runs itself with Ansible and no containers: the inventory and roles as the
// infrastructure code, who provisions the servers, the rolling playbook, Vault secrets and scaling by host.

import { PRE_PRODUCTION } from "../../../decisions/environments";
import { playbookCommand, releasePaths, type VmProfile, vmProfile } from "../../../decisions/vm-platform";
import { ANSIBLE_FACTS, BALANCERS, HOST_PROVIDERS } from "../../../knowledge/vms";
import { rowContext } from "../iac-snippet";
import { bullets, code, join, table } from "../md";
import type { SectionModel } from "../model";
import { hcloudExample, inventoryExample, migrationCommand, rollingPlaybook, vmArtefact } from "./ansible";

/** The project's servers are deployed by Ansible without containers: this file writes 10.3. */
export function isAnsibleVm(m: SectionModel): boolean {
	if (m.platform.family !== "vm") return false;
	const p = vmProfile(m.ctx);
	return !p.containers && p.tool === "ansible";
}

export function vmMigration(m: SectionModel): string | undefined {
	const p = vmProfile(m.ctx);
	const c = rowContext(m);
	return p.migrations ? migrationCommand(p, c.migrationTool?.id, c.migrate) : undefined;
}

/** Who creates the servers: the provider's Terraform resources where they exist, else the inventory is the record. */
function provisioningText(m: SectionModel, p: VmProfile): string {
	const provider = p.provider ? HOST_PROVIDERS[p.provider] : undefined;
	if (provider && p.kind === "dedicated")
		return `Servers: ${provider.dedicated.text}${m.cite(provider.dedicated.sources)} Any ${provider.name} Cloud resources beside them (small VMs, DNS, buckets) can be code with the \`${provider.terraform.source}\` provider.${m.cite(provider.terraform.facts.flatMap((f) => f.sources))}`;
	if (provider)
		return `Servers: ${provider.name} Cloud servers are created with the \`${provider.terraform.source}\` Terraform provider (${provider.terraform.note}); Ansible configures them once they exist.${m.cite(provider.terraform.facts.flatMap((f) => f.sources))}`;
	return "Servers: provisioned by hand at the hosting provider; the Ansible inventory is the source of truth for which servers exist and what each one runs.";
}

function approach(m: SectionModel, p: VmProfile): string {
	const iac = m.iac;
	const lead =
		iac.id === "ansible"
			? `**Ansible** — ${iac.summary}. ${(m.recommendations.iac.value === iac.id ? m.recommendations.iac.rationale : `${iac.fit}.`).replace(/\.*$/, ".")}${m.cite(iac.sources)}`
			: `**${iac.name}** creates what the provider offers as resources; **Ansible** (the stack's configuration tool) owns every server from the operating system up.`;
	return join(
		"### IaC approach",
		lead,
		bullets([
			provisioningText(m, p),
			"Roles and inventories live in Git next to the code; `site.yml` takes a bare server to a serving one, `deploy.yml` ships a release, `balancer.yml` renders the balancer's backends from the inventory groups.",
			`Every change runs \`ansible-playbook --check --diff\` against ${m.decisions.environments.find((e) => PRE_PRODUCTION.includes(e)) ?? "the production inventory (check mode changes nothing)"} on the pull request and applies only from the pipeline after merge; nobody runs a playbook against production from a laptop.`,
			`Drift: a scheduled \`${playbookCommand(p, "production", "", "site.yml")} --check --diff\` runs nightly, with the deploy job's SSH and vault set-up, and opens an issue when it reports changes.`,
		]),
	);
}

function environments(m: SectionModel, p: VmProfile): string {
	const envs = m.decisions.environments.filter((e) => e !== "development" && e !== "preview");
	const layout = [
		"inventories/",
		...envs.map((e) => `  ${e}/hosts.yml + group_vars/all/vault.yml   (own hosts, own vault password)`),
		"roles/",
		`  app/         # service user, ${releasePaths(p).root}, systemd units, env file`,
		...(p.balancer
			? [
					`  ${p.balancer === "hcloud-lb" ? "balancer" : p.balancer}/   # backends rendered from the app groups`,
				]
			: []),
		"site.yml       # every role: a new server from bare OS to serving",
		"deploy.yml     # the rolling release (below)",
		"balancer.yml   # re-renders the balancer backends from the inventory",
	];
	const rows = m.environments.map((e) => [
		e.name,
		e.size,
		e.data,
		e.name === "production"
			? "its own inventory and vault password; deploy key held by the pipeline only"
			: e.name === "development"
				? "developers"
				: "its own inventory; the pipeline and the team",
	]);
	return join(
		"### Environment definitions",
		"Every environment is the same roles with its own inventory:",
		code("text", layout.join("\n")),
		table(["Environment", "Size", "Data", "Access"], rows),
	);
}

function provisioning(m: SectionModel, p: VmProfile): string {
	const a = vmArtefact(p);
	const hcl = hcloudExample(p, "production");
	const lb = p.balancer ? BALANCERS[p.balancer] : undefined;
	const playbook = rollingPlaybook(p, vmMigration(m));
	const s = m.platform.secrets;
	return join(
		"### Resource provisioning",
		`The inventory (\`inventories/production/hosts.yml\`) is the record of the servers: application hosts and balancers per ${p.sites.length > 1 ? "site" : "group"}, the groups the playbooks target.`,
		code("yaml", inventoryExample(p)),
		hcl ? "The cloud servers themselves (`infra/main.tf`):" : undefined,
		hcl ? code("hcl", hcl) : undefined,
		`The release playbook (\`deploy.yml\`): ${a.label} \`${a.file}\` goes into \`${releasePaths(p).root}/<release>\`, \`current\` is switched to it and the systemd unit, which runs \`${a.exec}\` from \`${releasePaths(p).current}\`, restarts; ${p.sites.length > 1 ? "one play per site, active site first, " : ""}one host at a time; the first failure stops the rollout.`,
		code("yaml", playbook),
		bullets([
			...[
				ANSIBLE_FACTS.serial,
				ANSIBLE_FACTS.maxFail,
				...(lb?.facts ?? []),
				ANSIBLE_FACTS.systemd,
				ANSIBLE_FACTS.uri,
			].map((f) => `${f.text}${m.cite(f.sources)}`),
			...(lb && !lb.scripted
				? [
						`${lb.name} has no module in this playbook: \`lb/drain.yml\` and \`lb/restore.yml\` are the team's task files for it (${lb.drain}).`,
					]
				: []),
			...(p.balancer === "haproxy"
				? [
						"The HAProxy server names in each backend are the inventory hostnames: `balancer.yml` renders them from the app groups, so the playbook can address each host by `inventory_hostname`.",
					]
				: []),
			...(p.balancer
				? []
				: [
						"The inputs name no load balancer: `lb/drain.yml` and `lb/restore.yml` are the team's task files for whichever fronts the hosts.",
					]),
		]),
		`Secret injection: application secrets live in ${s.store}; ${s.how}. The pipeline holds only \`DEPLOY_SSH_KEY\`, \`SSH_KNOWN_HOSTS\` and \`ANSIBLE_VAULT_PASSWORD\`, per environment, as environment secrets; no cloud secrets manager is involved. Secrets never appear in plain text in the repository, the artefact or the logs (\`no_log: true\` on tasks that template them).${m.cite(s.facts.flatMap((f) => f.sources))}`,
	);
}

function scaling(m: SectionModel, p: VmProfile): string {
	const s = m.platform.scaling;
	const lbName = p.balancer ? BALANCERS[p.balancer].name : "the load balancer";
	return join(
		"### Scaling configuration",
		table(
			["Setting", "Value"],
			[
				["Metric", s.metric],
				[
					"Minimum",
					`2 application hosts per site in production, so one can be drained while the other serves`,
				],
				[
					"Maximum",
					"what the balancer's backend and the database's connection limit allow; sized from the load tests of 10.2",
				],
				[
					"Scale-out",
					`by hand (scaling runbook): ${p.kind === "dedicated" ? "order a server, " : p.provider ? "create the server in the Terraform configuration, " : "provision a server, "}add it to the site's app group in the inventory, run \`site.yml\` on it, then \`balancer.yml\` so ${lbName} sends it traffic`,
				],
				[
					"Scale-in",
					`drain the host in ${lbName}, remove it from the inventory, run \`balancer.yml\`, then retire the server`,
				],
				[
					"Database",
					`${m.db.name}: vertical scaling in a maintenance window; check the connection pool size against the new host count`,
				],
			],
		),
		"Command or setting:",
		code("bash", s.command(m.ctx.serviceName, rowContext(m))),
	);
}

export function renderVmInfrastructure(m: SectionModel): string {
	const p = vmProfile(m.ctx);
	return join(
		"## 10.3 Infrastructure Configuration",
		approach(m, p),
		environments(m, p),
		provisioning(m, p),
		scaling(m, p),
	);
}
