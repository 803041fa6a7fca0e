import { afterEach, describe, expect, it } from "vitest";
import { Handoff10Schema } from "../../src/engine/output/handoff";
import {
	bareProject,
	cleanupTemps,
	exampleProject,
	HANDOFF_03,
	HANDOFF_08,
	HANDOFF_09,
} from "../helpers/project";
import { compose } from "../helpers/state";

afterEach(cleanupTemps);

const SUBSECTIONS = [
	"## 10.1 Deployment Strategy",
	"### Deployment approach",
	"### Environment progression",
	"### Release process",
	"### Feature flags",
	"## 10.2 CI/CD Pipeline",
	"### Pipeline stages diagram",
	"### Build stage",
	"### Test stage",
	"### Deploy stage",
	"### Post-deploy validation",
	"## 10.3 Infrastructure Configuration",
	"### IaC approach",
	"### Environment definitions",
	"### Resource provisioning",
	"### Scaling configuration",
	"## 10.4 Environment Management",
	"### Development environment",
	"### Staging environment",
	"### Production environment",
	"### Environment parity",
	"## 10.5 Operational Runbooks",
	"### Deployment runbook",
	"### Rollback runbook",
	"### Incident response runbook",
	"### Scaling runbook",
	"## 10.6 Disaster Recovery",
	"### Backup strategy",
	"### Recovery procedures",
	"### RTO/RPO targets",
	"### Failover procedures",
	"## Decisions",
	"## Assumptions",
	"## Open questions",
	"## Sources",
];

const PLACEHOLDER =
	/\[(tool|time|timestamp|frequency|strategy|cloud provider)\]|\bTBD\b|\bTODO\b|\bundefined\b|\bNaN\b|\[object Object\]/;

describe("renderSection on the example", () => {
	const out = compose(exampleProject());

	it("has every subsection of the seed, in order", () => {
		let at = -1;
		for (const h of SUBSECTIONS) {
			const i = out.markdown.indexOf(`\n${h}\n`);
			expect(i, h).toBeGreaterThan(at);
			at = i;
		}
	});

	it("names the project's own hosting, CI, database, gates and monitoring", () => {
		for (const name of [
			"Railway",
			"Vercel",
			"GitHub Actions",
			"PostgreSQL 16",
			"Sentry",
			"Grafana Cloud",
			"Playwright",
			"k6",
			"80%",
			"API 5xx rate",
		]) {
			expect(out.markdown, name).toContain(name);
		}
		// Railway's CLI has no rollback (`railway redeploy` repeats the newest deployment): the runbook lists the
		// deployments and rolls back in the dashboard.
		expect(out.markdown).toContain("railway deployment list --service harbor-bookings");
		expect(out.markdown).not.toContain("railway redeploy --");
		expect(out.markdown).toContain("vercel rollback");
	});

	it("has no placeholder, TODO or vague filler", () => {
		expect(out.markdown).not.toMatch(PLACEHOLDER);
		expect(out.markdown).not.toMatch(/\b(various|etc\.)/i);
	});

	it("draws both Mermaid diagrams", () => {
		expect(out.markdown.match(/```mermaid\nflowchart LR/g)).toHaveLength(2);
	});

	it("lists decisions with provenance, assumptions, open questions and numbered sources", () => {
		expect(out.markdown).toContain("- Deployment strategy: rolling (recommended)");
		expect(out.markdown).toContain(
			"- Do payouts to venue owners need a separate ledger service before launch? (from Section 3 (technology stack))",
		);
		expect(out.markdown).toMatch(/## Sources\n\n1\. \[[^\]]+\]\(https:\/\//);
	});

	it("gives the same bytes for the same inputs", () => {
		expect(compose(exampleProject()).markdown).toBe(out.markdown);
	});

	it("writes a handoff of exactly the seed's shape", () => {
		const h = out.handoff;
		expect(Handoff10Schema.safeParse(h).success).toBe(true);
		expect(Object.keys(h)).toEqual([
			"section_number",
			"section_name",
			"completed_at",
			"status",
			"key_outputs",
			"pipeline_stages",
			"runbooks",
			"disaster_recovery",
			"decisions_made",
			"assumptions",
			"open_questions",
			"next_section_context",
		]);
		expect(h.key_outputs).toEqual({
			deployment_strategy: "rolling",
			ci_cd_tool: "GitHub Actions",
			iac_tool: "Terraform",
			environments: ["development", "staging", "production"],
		});
		expect(h.disaster_recovery).toEqual({ rto: "2h", rpo: "1d", backup_frequency: "1d snapshots" });
		expect(h.runbooks).toEqual(["deployment", "rollback", "incident", "scaling", "database-restore"]);
		expect(h.open_questions).toContain("Should contract tests gate the Stripe webhook handler?");
	});
});

describe("renderSection across stacks", () => {
	const stacks: [string, Record<string, unknown>, string[]][] = [
		[
			"Kubernetes on AWS",
			{ backend_hosting: "Amazon EKS", ci_cd: "GitLab CI" },
			// No GitOps controller named: CI applies staging itself; production rolls back by a revert of the environment repository.
			["aws eks update-kubeconfig", "git revert", "resource_group", "aws_db_instance"],
		],
		[
			"Cloud Run",
			{ backend_hosting: "Google Cloud Run", ci_cd: "GitHub Actions" },
			["update-traffic", "google-github-actions/auth", "point_in_time_recovery_enabled"],
		],
		[
			"App Service",
			{ backend_hosting: "Azure App Service", ci_cd: "Azure Pipelines" },
			["slot swap", "environment: production", "Microsoft.DBforPostgreSQL"],
		],
		[
			"Lambda",
			{ backend_hosting: "AWS Lambda", ci_cd: "CircleCI" },
			["update-alias", "type: approval", "sst.config.ts"],
		],
		[
			"Fly.io",
			{ backend_hosting: "Fly.io", ci_cd: "Jenkins" },
			["fly deploy", "disableConcurrentBuilds", "fly.toml"],
		],
		["VMs", { backend_hosting: "Hetzner VMs with Docker Compose" }, ["switch-upstream.sh", "pgbackrest"]],
	];
	it.each(stacks)("%s: specific commands, valid handoff, no placeholders", (_name, infra, expected) => {
		const dir = bareProject({
			[HANDOFF_03]: JSON.stringify({
				key_outputs: {
					infrastructure: infra,
					database_stack: { primary: "PostgreSQL 16" },
					backend_stack: { runtime: "Node.js 20" },
				},
			}),
			[HANDOFF_08]: JSON.stringify({
				quality_gates: [{ gate: "Coverage", threshold: "85%", blocking: true }],
			}),
			[HANDOFF_09]: JSON.stringify({
				key_outputs: { monitoring_stack: { apm: "Datadog" } },
				alerts_defined: [{ name: "High error rate", condition: "errors > 2% for 5m", severity: "critical" }],
			}),
		});
		const out = compose(dir);
		for (const e of expected) expect(out.markdown, e).toContain(e);
		expect(out.markdown).toContain("Datadog");
		expect(out.markdown).toContain("High error rate");
		expect(out.markdown).not.toMatch(PLACEHOLDER);
		expect(Handoff10Schema.safeParse(out.handoff).success).toBe(true);
	});

	it("changes the section for compliance regimes", () => {
		const dir = bareProject({
			[HANDOFF_03]: JSON.stringify({
				key_outputs: { infrastructure: { backend_hosting: "ECS" } },
				assumptions: ["Card data is in PCI DSS scope"],
			}),
		});
		const out = compose(dir);
		expect(out.markdown).toContain("## Compliance controls");
		expect(out.markdown).toContain("10.5.1");
		expect(out.markdown).toContain("self-review prevented");
		expect(out.handoff.key_outputs.environments).toContain("uat");
	});

	it("writes a complete section from nothing at all", () => {
		const out = compose(bareProject());
		expect(out.markdown).toContain("## 10.6 Disaster Recovery");
		expect(out.handoff.assumptions.length).toBeGreaterThan(3);
		expect(out.markdown).not.toMatch(PLACEHOLDER);
	});
});
