// 10.3 Infrastructure Configuration: IaC approach and state, environment definitions, provisioning, scaling.

import { LOCAL_FILE_ENGINE } from "../../decisions/rules";
import { CLOUDS } from "../../knowledge/clouds";
import { SECRET_PATTERNS } from "../../knowledge/iac";
import { dataRegion, iacExample, iacLayout, rowContext } from "./iac-snippet";
import { kubernetesBootstrap } from "./kubernetes";
import { bullets, code, join, table } from "./md";
import type { SectionModel } from "./model";
import { migratesInCi } from "./pipeline/plan";
import { isAnsibleVm, renderVmInfrastructure } from "./vm/s10-3-vm";

function approach(m: SectionModel): string {
	const { iac } = m;
	const stateLines: string[] = [];
	if (iac.id === "terraform" || iac.id === "opentofu") {
		const cloud = CLOUDS[m.ctx.cloud];
		const region = dataRegion(m);
		stateLines.push(
			`State: ${cloud.stateBackend.wording}, ${m.ctx.cloud === "none" ? "" : "one state per environment (`envs/<environment>/`)"}${m.ctx.cloud === "none" ? "" : `, in a ${cloud.accountUnit} separate from production workloads`}${region ? `, kept in ${region} with the data it describes` : ""}.${m.cite(cloud.stateBackend.facts.flatMap((f) => f.sources))}`,
		);
		stateLines.push(
			iac.id === "opentofu"
				? `Encryption: OpenTofu encrypts state client-side (AES-GCM) before it reaches the backend, on top of server-side encryption.${m.cite(["opentofu-encryption"])}`
				: `Encryption: server-side encryption${m.compliance.length && m.ctx.cloud !== "none" ? ` with a customer-managed ${CLOUDS[m.ctx.cloud].kms.name} key` : ""}; access limited to the CI deploy identities and two break-glass administrators.`,
		);
		stateLines.push(
			iac.id === "terraform"
				? `Licence: Terraform releases since 10 August 2023 are BUSL 1.1; OpenTofu (MPL 2.0) is the drop-in alternative if that licence is a problem.${m.cite(["hashicorp-bsl", "opentofu-home"])}`
				: `Licence: MPL 2.0 under the Linux Foundation; existing Terraform ≤ 1.5 modules run unchanged.${m.cite(["opentofu-home"])}`,
		);
	} else {
		stateLines.push(`State: ${iac.state}.${m.cite(iac.sources)}`);
		stateLines.push(`Licence: ${iac.licence}.`);
	}
	stateLines.push(
		"Changes run as plan (or preview / what-if) on the pull request and apply only from the pipeline after merge; nobody applies from a laptop.",
	);
	stateLines.push(
		"Drift: a scheduled plan runs nightly against production and opens an issue when it is not empty.",
	);
	return join(
		"### IaC approach",
		`**${iac.name}** — ${iac.summary}. ${m.recommendations.iac.value === iac.id ? m.recommendations.iac.rationale : `Chosen over the recommended ${m.recommendations.iac.value}; ${iac.fit}.`}${m.cite(iac.facts.flatMap((f) => f.sources))}`,
		bullets(stateLines),
		m.platform.configFile
			? `${m.platform.name}'s own \`${m.platform.configFile.name}\` is ${m.ctx.cloud === "none" ? "the primary" : "part of the"} infrastructure code: it lives in the repository, is reviewed like code and is the only way service settings change.`
			: undefined,
	);
}

function environments(m: SectionModel): string {
	const rows = m.environments.map((e) => [
		e.name,
		e.size,
		e.data,
		e.name === "production"
			? "separate account/project, deploy role only"
			: e.name === "development"
				? "developers"
				: "CI deploy role and the team",
	]);
	return join(
		"### Environment definitions",
		"Every environment is the same modules with different inputs:",
		code("text", iacLayout(m)),
		table(["Environment", "Size", "Data", "Access"], rows),
	);
}

function provisioning(m: SectionModel): string {
	const ex = iacExample(m);
	const s = m.platform.secrets;
	return join(
		"### Resource provisioning",
		`Example (\`${ex.file}\`): the primary database with its backup settings, which 10.6 depends on.`,
		code(ex.lang, ex.body),
		m.platform.configFile ? `\`${m.platform.configFile.name}\`:` : undefined,
		m.platform.configFile
			? code(m.platform.configFile.lang, m.platform.configFile.body(m.ctx.serviceName, rowContext(m)))
			: undefined,
		...platformSetup(m),
		kubernetesBootstrap(m),
		`Secret injection: application secrets live in ${s.store}; ${s.how}. ${m.ctx.cloud === "none" ? `The pipeline holds only \`${m.platform.ciToken}\`, ${m.platform.ciTokenScope ?? "with the narrowest scope the platform allows"}, as an environment secret${migratesInCi(m) ? ", and `MIGRATION_DATABASE_URL` for the migration step, per environment" : ""}` : `The deploy job authenticates with OIDC (${CLOUDS[m.ctx.cloud].identity.wording}) and holds no long-lived keys${migratesInCi(m) ? " beyond `MIGRATION_DATABASE_URL`, the connection its migration step uses, per environment" : ""}`}. Secrets never appear in the repository, the image or the IaC state in plain text.${m.cite([...s.facts, ...(m.ctx.cloud === "none" ? [] : CLOUDS[m.ctx.cloud].secretsStore.facts)].flatMap((f) => f.sources))}`,
		// Secrets kept in Git (SOPS) only where the platform has no secrets store of its own.
		m.platform.family === "kubernetes" || m.platform.family === "vm"
			? bullets(SECRET_PATTERNS.map((f) => `${f.text}${m.cite(f.sources)}`))
			: undefined,
	);
}

/** One-time settings of the production app that the deploy and the backups rely on, from the platform row. */
function platformSetup(m: SectionModel): (string | undefined)[] {
	const setup = m.platform.setup;
	const commands = setup?.commands(m.ctx.serviceName, rowContext(m)) ?? [];
	if (!setup || !commands.length) return [];
	return [
		`Settings of the production app that the deploy and the backups rely on, run once when the app is created (and checked by the nightly drift run):${m.cite(setup.facts.flatMap((f) => f.sources))}`,
		code("bash", commands.join("\n")),
		bullets(setup.facts.map((f) => `${f.text}${m.cite(f.sources)}`)),
	];
}

/** When an autoscaler acts: the platform's documented defaults where they are known, else its own, said as such. */
function autoscalingTiming(m: SectionModel): string[][] {
	switch (m.platform.id) {
		case "ecs":
			return [
				[
					"Scale-out",
					"automatic (target tracking): its alarm fires after 3 one-minute datapoints above target",
				],
				[
					"Scale-in",
					"automatic (target tracking): after 15 one-minute datapoints below target, more slowly than out",
				],
			];
		case "kubernetes":
			return [
				[
					"Scale-out",
					"automatic (HorizontalPodAutoscaler): evaluated every 15 seconds, no stabilisation window for scaling up",
				],
				["Scale-in", "automatic: after the 5-minute scale-down stabilisation window (`behavior.scaleDown`)"],
			];
		case "lambda":
		case "vercel":
			return [
				[
					"Scale-out",
					"per request: each concurrent request gets its own instance, up to the concurrency limit",
				],
				["Scale-in", "idle instances are reclaimed by the platform"],
			];
		case "app-service":
			return [
				[
					"Scale-out",
					"automatic, by the autoscale rule: its time window and cool-down are settings of the rule",
				],
				["Scale-in", "automatic, by a matching scale-in rule with its own window and cool-down"],
			];
		case "container-apps":
			return [
				["Scale-out", "automatic, by the scale rule (KEDA): the rule is checked every 30 seconds"],
				["Scale-in", "automatic, after the rule's 300-second cool-down, down to the minimum"],
			];
		default:
			return [
				[
					"Scale-out",
					`automatic, by ${m.platform.name}'s autoscaler when the metric passes the target; when it acts is the platform's own, not a setting`,
				],
				["Scale-in", "automatic, down to the minimum, on the platform's own schedule"],
			];
	}
}

function scaling(m: SectionModel): string {
	const s = m.platform.scaling;
	const c = rowContext(m);
	const single = c.localFileDb && m.platform.localFileDb.support === "single-instance";
	const headroom = m.ctx.scale === "large" ? "twice" : "three times";
	return join(
		"### Scaling configuration",
		table(
			["Setting", "Value"],
			[
				["Metric", s.metric],
				["Minimum", minimum(m, single)],
				[
					"Maximum",
					single
						? `1 instance: the ${LOCAL_FILE_ENGINE} file lives on one volume; scale up (a larger instance), not out`
						: `${headroom} the normal peak, so one region or replica set can absorb failover load`,
				],
				...(single
					? []
					: m.platform.id === "cloud-run"
						? [
								[
									"Scale-out",
									`automatic per request by ${m.platform.name}'s own autoscaler, up to the maximum; its timing is not configurable`,
								],
								["Scale-in", "automatic when instances sit idle, down to the minimum"],
							]
						: s.autoscales
							? autoscalingTiming(m)
							: [
									[
										"Scale-out",
										`by hand (scaling runbook): ${m.platform.name} does not add instances on its own, so a CPU above 70% for 15 minutes pages the owner`,
									],
									["Scale-in", "by hand after a week below 30% CPU, reviewed with the cost owner"],
								]),
				[
					"Database",
					c.localFileDb
						? `${LOCAL_FILE_ENGINE}: grows with its volume; extend the volume, never add instances`
						: `${m.db.name}: vertical scaling in a maintenance window; read replicas for read-heavy load`,
				],
			],
		),
		"Command or setting:",
		code(/→/.test(s.command(m.ctx.serviceName, c)) ? "text" : "bash", s.command(m.ctx.serviceName, c)),
		s.facts.length ? bullets(s.facts.map((f) => `${f.text}${m.cite(f.sources)}`)) : undefined,
	);
}

/** The production floor the platform's own model allows: per-request platforms need no instance minimum. */
function minimum(m: SectionModel, single: boolean): string {
	const n = m.platform.scaling.minInstances;
	if (single)
		return `1 instance (${m.platform.localFileDb.why.text})${m.cite(m.platform.localFileDb.why.sources)}`;
	if (n === 0)
		return `none: ${m.platform.name} scales per request${m.platform.id === "cloud-run" ? "; a warm minimum (`--min-instances`, billed while idle) only where cold starts break the latency target" : m.platform.id === "lambda" ? "; a warm minimum (provisioned concurrency) only where cold starts break the latency target" : ""}`;
	if (n === 1) return "1 instance; the platform restarts it when it fails its health check";
	const staging = m.decisions.environments.includes("staging");
	if (!staging) return "2 instances in production for zero-downtime deploys";
	return m.ctx.scale === "small"
		? "1 instance in staging, 2 in production for zero-downtime deploys"
		: "2 instances per environment above staging";
}

export function renderInfrastructure(m: SectionModel): string {
	// Servers deployed by Ansible without containers: the inventory, roles and rolling playbook are the infrastructure.
	if (isAnsibleVm(m)) return renderVmInfrastructure(m);
	return join(
		"## 10.3 Infrastructure Configuration",
		approach(m),
		environments(m),
		provisioning(m),
		scaling(m),
	);
}
