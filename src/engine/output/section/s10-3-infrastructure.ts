// 10.3 Infrastructure Configuration: IaC approach and state, environment definitions, provisioning, scaling.

import { SECRET_PATTERNS } from "../../knowledge/iac";
import { iacExample, iacLayout } from "./iac-snippet";
import { bullets, code, join, table } from "./md";
import type { SectionModel } from "./model";

function approach(m: SectionModel): string {
	const { iac } = m;
	const stateLines: string[] = [];
	if (iac.id === "terraform" || iac.id === "opentofu") {
		const backend =
			m.ctx.cloud === "gcp"
				? "a GCS bucket with object versioning, locked natively by the backend"
				: m.ctx.cloud === "azure"
					? "an Azure Storage container with blob versioning (lease-based locking)"
					: "an S3 bucket with versioning, locked with `use_lockfile = true`";
		stateLines.push(
			`State: ${backend}, one state per environment (\`envs/<environment>/\`), in an account or project separate from production workloads.${m.cite(["tf-s3-backend"])}`,
		);
		stateLines.push(
			iac.id === "opentofu"
				? `Encryption: OpenTofu encrypts state client-side (AES-GCM) before it reaches the backend, on top of server-side encryption.${m.cite(["opentofu-encryption"])}`
				: "Encryption: server-side encryption on the bucket; access limited to the CI deploy roles and two break-glass administrators.",
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
			? `${m.platform.name}'s own \`${m.platform.configFile.name}\` is part of the infrastructure code: it lives in the repository, is reviewed like code and is the only way service settings change.`
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
	const secrets =
		m.platform.family === "kubernetes"
			? SECRET_PATTERNS
			: SECRET_PATTERNS.filter((f) => f.sources.includes("sops"));
	const store =
		m.ctx.cloud === "aws"
			? "AWS Secrets Manager"
			: m.ctx.cloud === "gcp"
				? "Google Secret Manager"
				: m.ctx.cloud === "azure"
					? "Azure Key Vault"
					: `${m.platform.name}'s environment variables (set from the pipeline, never by hand)`;
	return join(
		"### Resource provisioning",
		`Example (\`${ex.file}\`): the primary database with its backup settings, which 10.6 depends on.`,
		code(ex.lang, ex.body),
		m.platform.configFile ? `\`${m.platform.configFile.name}\`:` : undefined,
		m.platform.configFile
			? code(m.platform.configFile.lang, m.platform.configFile.body(m.ctx.serviceName))
			: undefined,
		`Secret injection: application secrets live in ${store}; ${m.ctx.cloud === "none" ? `the pipeline sets them per environment with the ${m.platform.name} token of that environment` : "the deploy job reads them with its OIDC identity"} and the platform injects them at start-up. Secrets never appear in the repository, the image or the IaC state in plain text.`,
		bullets(secrets.map((f) => `${f.text}${m.cite(f.sources)}`)),
	);
}

function scaling(m: SectionModel): string {
	const s = m.platform.scaling;
	const headroom = m.ctx.scale === "large" ? "twice" : "three times";
	return join(
		"### Scaling configuration",
		table(
			["Setting", "Value"],
			[
				["Metric", s.metric],
				[
					"Minimum",
					m.ctx.scale === "small"
						? "1 instance (2 in production for zero-downtime deploys)"
						: "2 instances per environment above staging",
				],
				["Maximum", `${headroom} the normal peak, so one region or replica set can absorb failover load`],
				...(s.autoscales
					? [
							["Scale-out", "automatic, when the metric stays above target for 3 minutes"],
							["Scale-in", "automatic, after 15 minutes below 50% of target, one instance at a time"],
						]
					: [
							[
								"Scale-out",
								`by hand (scaling runbook): ${m.platform.name} does not add instances on its own, so a CPU above 70% for 15 minutes pages the owner`,
							],
							["Scale-in", "by hand after a week below 30% CPU, reviewed with the cost owner"],
						]),
				[
					"Database",
					`${m.db.name}: vertical scaling in a maintenance window; read replicas for read-heavy load`,
				],
			],
		),
		"Command or setting:",
		code(/→/.test(s.command(m.ctx.serviceName)) ? "text" : "bash", s.command(m.ctx.serviceName)),
		s.facts.length ? bullets(s.facts.map((f) => `${f.text}${m.cite(f.sources)}`)) : undefined,
	);
}

export function renderInfrastructure(m: SectionModel): string {
	return join(
		"## 10.3 Infrastructure Configuration",
		approach(m),
		environments(m),
		provisioning(m),
		scaling(m),
	);
}
