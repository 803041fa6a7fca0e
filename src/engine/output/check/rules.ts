// The keyword floor: the review checklist, the section guide's checklist and the machine-detectable hints of the
// 22-check rubric, each reading the section's text alone.

import { checkMermaid, type Doc, findLines, mermaidBlocks } from "./doc";
import type { CheckResult } from "./types";

const PLACEHOLDER =
	/\[(tool|time|timestamp|frequency|strategy|count|estimated count|cloud provider|name|value|x)\]|\bTBD\b|\bTODO\b|\bFIXME\b|\bXXX\b|\{\{\s*[a-z_ ]+\s*\}\}(?!\s*\}\})|\bundefined\b|\bNaN\b|\[object Object\]|lorem ipsum/i;
const VAGUE = /\b(various|etc\.|and so on|as needed|as appropriate|and more)\b/i;

export type Rule = Omit<CheckResult, "passed" | "detail"> & { test: (doc: Doc) => true | string };

const has = (s: string | undefined, ...res: RegExp[]) => s !== undefined && res.every((re) => re.test(s));

const SEED: [string, RegExp][] = [
	["10.1 Deployment Strategy", /^10\.1 Deployment Strategy/],
	["Deployment approach", /Deployment approach/],
	["Environment progression", /Environment progression/],
	["Release process", /Release process/],
	["Feature flags", /Feature flags/],
	["10.2 CI/CD Pipeline", /^10\.2 CI\/CD Pipeline/],
	["Pipeline stages diagram", /Pipeline stages diagram/],
	["Build stage", /Build stage/],
	["Test stage", /Test stage/],
	["Deploy stage", /Deploy stage/],
	["Post-deploy validation", /Post-deploy validation/],
	["10.3 Infrastructure Configuration", /^10\.3 Infrastructure Configuration/],
	["IaC approach", /IaC approach/],
	["Environment definitions", /Environment definitions/],
	["Resource provisioning", /Resource provisioning/],
	["Scaling configuration", /Scaling configuration/],
	["10.4 Environment Management", /^10\.4 Environment Management/],
	["Development environment", /Development environment/],
	// A plan without staging replaces its subsection with where pre-production testing happens (G1 checks why).
	["Staging environment", /Staging environment|Pre-production testing/],
	["Production environment", /Production environment/],
	["Environment parity", /Environment parity/],
	["10.5 Operational Runbooks", /^10\.5 Operational Runbooks/],
	["Deployment runbook", /Deployment runbook/],
	["Rollback runbook", /Rollback runbook/],
	["Incident response runbook", /Incident response runbook/],
	["Scaling runbook", /Scaling runbook/],
	["10.6 Disaster Recovery", /^10\.6 Disaster Recovery/],
	["Backup strategy", /Backup strategy/],
	["Recovery procedures", /Recovery procedures/],
	["RTO/RPO targets", /RTO\/RPO targets/],
	["Failover procedures", /Failover procedures/],
];

const RUNBOOK_PARTS = [
	"Trigger",
	"Prerequisites",
	"Steps",
	"Verification",
	"Abort",
	"Escalation",
	"Communication",
];

export const RULES: Rule[] = [
	// Review checklist (genesis-review): completeness, specificity, technical accuracy.
	{
		id: "V1",
		group: "review",
		label: "All subsections of 10.1–10.6 present",
		required: true,
		test: (d) => {
			const missing = SEED.filter(([, re]) => !d.section(re)).map(([n]) => n);
			return missing.length ? `missing: ${missing.join(", ")}` : true;
		},
	},
	{
		id: "V2",
		group: "review",
		label: "No placeholders, TODO or TBD",
		required: true,
		test: (d) => {
			const hits = findLines(d, PLACEHOLDER);
			return hits.length ? hits.slice(0, 5).join("; ") : true;
		},
	},
	{
		id: "V3",
		group: "review",
		label: 'No vague language ("various", "etc.")',
		required: true,
		test: (d) => {
			const hits = findLines(d, VAGUE);
			return hits.length ? hits.slice(0, 5).join("; ") : true;
		},
	},
	{
		id: "V4",
		group: "review",
		label: "Mermaid diagrams parse",
		required: true,
		test: (d) => {
			const blocks = mermaidBlocks(d.text);
			if (blocks.length === 0) return "no Mermaid diagram";
			const bad = blocks.map((b) => ({ b, err: checkMermaid(b.body) })).filter((x) => x.err);
			return bad.length ? bad.map((x) => `diagram at line ${x.b.line}: ${x.err}`).join("; ") : true;
		},
	},
	{
		id: "V5",
		group: "review",
		label: "Code fences are closed",
		required: true,
		test: (d) => {
			let open: number | undefined;
			let fence = "";
			d.lines.forEach((l, i) => {
				const m = /^(```|~~~~)/.exec(l);
				if (!m) return;
				if (open === undefined) {
					open = i + 1;
					fence = m[1]!;
				} else if (l.startsWith(fence)) open = undefined;
			});
			return open === undefined ? true : `the fence opened at line ${open} is never closed`;
		},
	},
	// The upstream section guide's quality checklist.
	{
		id: "G1",
		group: "guide",
		label: "Environments defined (dev, staging, prod)",
		required: true,
		// A plan without staging says so, and where its testing happens instead (decisions/environments.ts).
		test: (d) =>
			has(
				d.prose,
				/Development environment/,
				/Staging environment|There is no staging environment: |This plan removes staging\b/,
				/Production environment/,
			)
				? true
				: "development, staging (or why there is none) and production are not all described",
	},
	{
		id: "G2",
		group: "guide",
		label: "CI/CD pipeline configured",
		required: true,
		test: (d) =>
			/```(yaml|groovy)\n/.test(d.section(/^10\.2/) ?? "") ? true : "10.2 has no pipeline definition",
	},
	{
		id: "G3",
		group: "guide",
		label: "Deployment process and release strategy documented",
		required: true,
		test: (d) =>
			d.section(/Release process/) && d.section(/Deployment runbook/)
				? true
				: "no release process or deployment runbook",
	},
	{
		id: "G4",
		group: "guide",
		label: "Infrastructure as code shown",
		required: true,
		test: (d) =>
			/```(hcl|typescript|bicep|yaml)\n/.test(d.section(/Resource provisioning/) ?? "")
				? true
				: "no IaC example in Resource provisioning",
	},
	{
		id: "G5",
		group: "guide",
		label: "Scaling strategy documented",
		required: true,
		test: (d) =>
			has(d.section(/Scaling configuration/), /Minimum/i, /Maximum/i)
				? true
				: "scaling has no minimum and maximum",
	},
	{
		id: "G6",
		group: "guide",
		label: "Backup strategy and DR plan",
		required: true,
		test: (d) =>
			d.section(/Backup strategy/) && d.section(/Failover procedures/)
				? true
				: "backup strategy or failover procedures missing",
	},
	{
		id: "G7",
		group: "guide",
		label: "RTO/RPO defined for all data tiers",
		required: true,
		test: (d) =>
			has(d.section(/RTO\/RPO targets/), /Tier 1/, /Tier 2/, /Tier 3/)
				? true
				: "RTO/RPO are not given per tier",
	},
	{
		id: "G8",
		group: "guide",
		label: "Runbooks for common procedures, rollback tested",
		required: true,
		test: (d) =>
			(d.prose.match(/^### .+ runbook$/gm)?.length ?? 0) >= 4 ? true : "fewer than four runbooks",
	},
	{
		id: "G9",
		group: "guide",
		label: "Monitoring during deployments configured",
		required: true,
		test: (d) =>
			has(d.section(/Post-deploy validation/), /[Aa]bort criteria/)
				? true
				: "post-deploy validation has no abort criteria",
	},
	// The 22-check rubric (DOMAIN.md §9), machine-detectable hints.
	{
		id: "R1",
		group: "rubric",
		label: "Strategy is platform-native and justified",
		required: false,
		test: (d) =>
			has(d.section(/Deployment approach/), /\*\*Strategy: [a-z-]+\*\* on /, /Why: /)
				? true
				: "no named strategy on a platform with its reason",
	},
	{
		id: "R2",
		group: "rubric",
		label: "Rollback is executable with an expected time",
		required: true,
		test: (d) =>
			has(
				d.section(/Rollback runbook/),
				/Roll back: `[^`]+`|```(bash|sh|shell)\n[^`]+\n```/,
				/Expected duration(:\*\*| \|) .*(second|minute|hour)/,
			)
				? true
				: "the rollback runbook lacks an exact command or an expected time",
	},
	{
		id: "R3",
		group: "rubric",
		label: "Database-safe rollback",
		required: true,
		test: (d) =>
			has(
				d.prose,
				/[Ee]xpand/,
				/[Cc]ontract/,
				/does not roll back the database schema|code rollback does not revert the schema/,
				/point-in-time recovery|restore of the last backup/,
			)
				? true
				: "no expand/contract migrations, schema caveat or data-fix path",
	},
	{
		id: "R4",
		group: "rubric",
		label: "No impossible platform claims",
		required: false,
		test: (d) => {
			const bad: string[] = [];
			if (/strategy = "bluegreen"/.test(d.text) && /\[mounts\]/.test(d.text))
				bad.push("Fly bluegreen with volumes");
			if (/Supabase Free[^.]*point-in-time/i.test(d.prose)) bad.push("PITR on Supabase Free");
			if (/Basic tier[^.]*slot/i.test(d.prose) && !/not available on the Basic tier/i.test(d.prose))
				bad.push("App Service slots on Basic");
			if (/point-in-time recovery on Railway PostgreSQL/i.test(d.prose))
				bad.push("PITR on Railway volume backups");
			return bad.length ? bad.join("; ") : true;
		},
	},
	{
		id: "R5",
		group: "rubric",
		label: "Environment progression with gates and approvers",
		required: false,
		test: (d) =>
			has(
				d.section(/Environment progression/),
				/\| Environment \| Purpose \| Promotion trigger \| Automated gate \| Approver \|/,
			)
				? true
				: "no table of environments with trigger, gate and approver",
	},
	{
		id: "R6",
		group: "rubric",
		label: "Pipeline diagram with numeric gates",
		required: false,
		test: (d) =>
			has(d.section(/^10\.2/), /```mermaid/, /\d+\s*%|\d+\s*ms|p9\d/)
				? true
				: "the pipeline has no diagram or no numeric thresholds",
	},
	{
		id: "R7",
		group: "rubric",
		label: "Build once, promote the same artifact",
		required: false,
		test: (d) =>
			/build once|[Bb]uild once|same artifact/.test(d.prose) && /commit SHA/.test(d.prose)
				? true
				: "no build-once artifact tagged by commit",
	},
	{
		id: "R8",
		group: "rubric",
		label: "CI identity and secrets",
		required: false,
		test: (d) =>
			has(
				d.section(/Deploy stage/),
				/OIDC|workload identity|token .* scoped|environment secret/i,
				/[Pp]in every third-party/,
			)
				? true
				: "no federated identity or scoped token, or no pinning",
	},
	{
		id: "R9",
		group: "rubric",
		label: "Deploy serialisation and caching",
		required: false,
		test: (d) =>
			/concurrency|resource_group|lock\(|[Ee]xclusive lock|serial/.test(d.prose) &&
			/[Cc]ach(e|ing)/.test(d.prose)
				? true
				: "no deploy serialisation or no caching",
	},
	{
		id: "R10",
		group: "rubric",
		label: "Post-deploy validation tied to monitoring",
		required: false,
		test: (d) =>
			has(d.section(/Post-deploy validation/), /watch window/, /[Aa]bort criteria/)
				? true
				: "no watch window with abort criteria",
	},
	{
		id: "R11",
		group: "rubric",
		label: "IaC choice justified, state handled",
		required: false,
		test: (d) =>
			has(
				d.section(/IaC approach/),
				/State:/,
				/lock|no state file|managed by AWS|AWS holds the state|Kubernetes API|Pulumi Cloud|your own account/i,
			)
				? true
				: "IaC state, locking or ownership not specified",
	},
	{
		id: "R12",
		group: "rubric",
		label: "Environment parity explicit",
		required: false,
		test: (d) => (has(d.section(/Environment parity/), /\| Aspect \|/) ? true : "no parity table"),
	},
	{
		id: "R13",
		group: "rubric",
		label: "Scaling parameterised",
		required: false,
		test: (d) =>
			has(d.section(/Scaling configuration/), /\| Metric \|/, /\| Minimum \|/, /\| Maximum \|/) &&
			d.section(/Scaling runbook/)
				? true
				: "scaling lacks metric, limits or a runbook",
	},
	{
		id: "R14",
		group: "rubric",
		label: "Tiered RTO/RPO",
		required: false,
		test: (d) => (has(d.section(/RTO\/RPO targets/), /\| Tier 1/, /\| Tier 2/) ? true : "one global RTO/RPO"),
	},
	{
		id: "R15",
		group: "rubric",
		label: "RPO achievable with the stated mechanism",
		required: true,
		test: (d) =>
			/RPO: .*\*\*met\*\*/.test(d.section(/Achievability check/) ?? "")
				? true
				: "the RPO is not shown to be achievable (see the achievability check)",
	},
	{
		id: "R16",
		group: "rubric",
		label: "RTO achievable",
		required: true,
		test: (d) =>
			/RTO: .*\*\*met\*\*/.test(d.section(/Achievability check/) ?? "")
				? true
				: "the RTO is not shown to be achievable (see the achievability check)",
	},
	{
		id: "R17",
		group: "rubric",
		label: "Backups are real",
		required: false,
		test: (d) =>
			has(d.section(/Backup strategy/), /Snapshots/, /Retention/, /Off-site/, /Encryption/, /Restore test/)
				? true
				: "backups lack frequency, retention, off-site copy, encryption or a restore test",
	},
	{
		id: "R18",
		group: "rubric",
		label: "DR procedures, failback and drills",
		required: false,
		test: (d) =>
			has(d.section(/Failover procedures/), /[Ff]ailover/, /[Ff]ailback/, /drill/i, /declares/)
				? true
				: "no failover and failback steps, owner or drills",
	},
	{
		id: "R19",
		group: "rubric",
		label: "Every runbook complete",
		required: true,
		test: (d) => {
			const names = d.prose.match(/^### (.+ runbook)$/gm) ?? [];
			if (names.length === 0) return "no runbooks";
			const gaps: string[] = [];
			for (const n of names) {
				const body = d.section(new RegExp(`^${n.slice(4).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)) ?? "";
				const missing = RUNBOOK_PARTS.filter((p) => !new RegExp(`\\*\\*${p}`).test(body));
				if (missing.length) gaps.push(`${n.slice(4)} lacks ${missing.join(", ")}`);
			}
			return gaps.length ? gaps.join("; ") : true;
		},
	},
	{
		id: "R20",
		group: "rubric",
		label: "Incident model",
		required: false,
		test: (d) =>
			/SEV-1/.test(d.prose) &&
			/[Ii]ncident [Cc]ommander|incident commander/.test(d.prose) &&
			/[Pp]ostmortem/.test(d.prose)
				? true
				: "no severity matrix, roles or postmortem rule",
	},
	{
		id: "R21",
		group: "rubric",
		label: "Feature-flag practice",
		required: false,
		test: (d) =>
			has(d.section(/Feature flags/), /\d+%\s*→/, /[Kk]ill switch/, /[Cc]lean-up|[Cc]leanup/)
				? true
				: "no rollout steps, kill switches or clean-up policy",
	},
	{
		id: "R22",
		group: "rubric",
		label: "Compliance and metrics traceability",
		required: false,
		test: (d) => {
			if (!/DORA/.test(d.prose)) return "no delivery metrics targets (DORA)";
			const regimes =
				/\b(PCI DSS|HIPAA|SOC 2|ISO\/IEC 27001|GDPR)\b/.test(d.section(/Overview/) ?? "") ||
				/in scope of/.test(d.prose);
			return regimes && !d.section(/Compliance controls/)
				? "compliance regimes named but not mapped to controls"
				: true;
		},
	},
];
