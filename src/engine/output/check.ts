// `genesis-tui check`: a Section 10 file against the guide's checklist, the review checklist and the machine-detectable
// checks of the 22-check rubric; each result says where it looked.

export interface CheckResult {
	id: string;
	group: "review" | "guide" | "rubric";
	label: string;
	required: boolean;
	passed: boolean;
	/** What failed and where ("line 42: TODO"). */
	detail?: string;
}

export interface CheckReport {
	results: CheckResult[];
	rubricScore: number;
	rubricTotal: number;
	requiredFailed: CheckResult[];
	ok: boolean;
}

interface Doc {
	text: string;
	lines: string[];
	/** Line ranges of headings: "### Rollback runbook" → its body. */
	section: (heading: RegExp) => string | undefined;
	/** Text outside fenced code. */
	prose: string;
}

function parseDoc(text: string): Doc {
	const lines = text.replace(/\r\n/g, "\n").split("\n");
	const headings: { level: number; title: string; line: number }[] = [];
	let fence: string | undefined;
	const proseLines: string[] = [];
	lines.forEach((l, i) => {
		const f = /^(```|~~~~)/.exec(l);
		if (f) {
			if (!fence) fence = f[1];
			else if (l.startsWith(fence)) fence = undefined;
			return;
		}
		if (fence) return;
		proseLines.push(l);
		const h = /^(#{1,6}) (.+)$/.exec(l);
		if (h) headings.push({ level: h[1]!.length, title: h[2]!.trim(), line: i });
	});
	return {
		text,
		lines,
		prose: proseLines.join("\n"),
		section: (re) => {
			const i = headings.findIndex((h) => re.test(h.title));
			if (i === -1) return undefined;
			const h = headings[i]!;
			const next = headings.slice(i + 1).find((o) => o.level <= h.level);
			return lines.slice(h.line, next ? next.line : lines.length).join("\n");
		},
	};
}

const PLACEHOLDER =
	/\[(tool|time|timestamp|frequency|strategy|count|estimated count|cloud provider|name|value|x)\]|\bTBD\b|\bTODO\b|\bFIXME\b|\bXXX\b|\{\{\s*[a-z_ ]+\s*\}\}(?!\s*\}\})|\bundefined\b|\bNaN\b|\[object Object\]|lorem ipsum/i;
const VAGUE = /\b(various|etc\.|and so on|as needed|as appropriate|and more)\b/i;

function findLines(doc: Doc, re: RegExp, proseOnly = true): string[] {
	const out: string[] = [];
	let fence = false;
	doc.lines.forEach((l, i) => {
		if (/^(```|~~~~)/.test(l)) fence = !fence;
		else if (!fence || !proseOnly) {
			const m = re.exec(l);
			if (!m) return;
			// The match with a little context, so the report shows what was found.
			const from = Math.max(0, m.index - 30);
			const snippet = l.slice(from, m.index + m[0].length + 30).trim();
			out.push(
				`line ${i + 1}: ${from > 0 ? "…" : ""}${snippet}${m.index + m[0].length + 30 < l.length ? "…" : ""}`,
			);
		}
	});
	return out;
}

/** A structural check of a Mermaid flowchart: header, nodes, edges, balanced quotes (what a renderer would reject). */
export function checkMermaid(body: string): string | undefined {
	const lines = body.split("\n").filter((l) => l.trim() && !l.trim().startsWith("%%"));
	const header = lines[0]?.trim() ?? "";
	if (!/^(flowchart|graph)\s+(LR|RL|TB|TD|BT)$/.test(header)) {
		return /^(sequenceDiagram|classDiagram|stateDiagram|erDiagram|gantt|pie|journey|gitGraph|mindmap|timeline)/.test(
			header,
		)
			? undefined
			: `unknown diagram header "${header.slice(0, 30)}"`;
	}
	const node = String.raw`[A-Za-z][A-Za-z0-9_]*(?:\["[^"]*"\]|\{\{"[^"]*"\}\}|\("[^"]*"\)|\{"[^"]*"\}|\[[^\]"]*\])?`;
	const edge = String.raw`(?:-->|-\.->|==>|---)(?:\|"[^"]*"\||\|[^|"]*\|)?`;
	const lineRe = new RegExp(String.raw`^\s*${node}(?:\s*${edge}\s*${node})*\s*;?\s*$`);
	for (let i = 1; i < lines.length; i++) {
		const l = lines[i]!;
		if (/^\s*(classDef|class|style|linkStyle|subgraph|end|direction)\b/.test(l)) continue;
		if (!lineRe.test(l)) return `line ${i + 1} of the diagram does not parse: ${l.trim().slice(0, 60)}`;
	}
	return undefined;
}

export function mermaidBlocks(text: string): { body: string; line: number }[] {
	const out: { body: string; line: number }[] = [];
	const re = /^```mermaid\n([\s\S]*?)\n```/gm;
	for (let m = re.exec(text); m; m = re.exec(text))
		out.push({ body: m[1]!, line: text.slice(0, m.index).split("\n").length });
	return out;
}

type Rule = Omit<CheckResult, "passed" | "detail"> & { test: (doc: Doc) => true | string };

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
	["Staging environment", /Staging environment/],
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

const RULES: Rule[] = [
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
		test: (d) =>
			has(d.prose, /Development environment/, /Staging environment/, /Production environment/)
				? true
				: "development, staging and production are not all described",
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
			has(d.section(/Rollback runbook/), /Roll back: `[^`]+`/, /Expected duration \| .*(second|minute|hour)/)
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

export const RUBRIC_REQUIRED_SCORE = 19;

export function checkSection(markdown: string): CheckReport {
	const doc = parseDoc(markdown);
	const results: CheckResult[] = RULES.map((r) => {
		const outcome = r.test(doc);
		return {
			id: r.id,
			group: r.group,
			label: r.label,
			required: r.required,
			passed: outcome === true,
			detail: outcome === true ? undefined : outcome,
		};
	});
	const rubric = results.filter((r) => r.group === "rubric");
	const rubricScore = rubric.filter((r) => r.passed).length;
	const scoreResult: CheckResult = {
		id: "SCORE",
		group: "rubric",
		label: `Rubric score at least ${RUBRIC_REQUIRED_SCORE} of 22`,
		required: true,
		passed: rubricScore >= RUBRIC_REQUIRED_SCORE,
		detail: rubricScore >= RUBRIC_REQUIRED_SCORE ? undefined : `${rubricScore} of 22`,
	};
	const all = [...results, scoreResult];
	const requiredFailed = all.filter((r) => r.required && !r.passed);
	return { results: all, rubricScore, rubricTotal: 22, requiredFailed, ok: requiredFailed.length === 0 };
}

export function formatCheckReport(report: CheckReport, file: string): string {
	const lines = [`Checking ${file}`, ""];
	for (const group of ["review", "guide", "rubric"] as const) {
		lines.push(
			group === "review"
				? "Review checklist"
				: group === "guide"
					? "Section guide checklist"
					: "Rubric (22 checks)",
		);
		for (const r of report.results.filter((x) => x.group === group)) {
			lines.push(
				`  ${r.passed ? "✔" : r.required ? "✖" : "⚠"} ${r.id.padEnd(5)} ${r.label}${r.required ? "" : " (advisory)"}`,
			);
			if (r.detail) lines.push(`          ${r.detail}`);
		}
		lines.push("");
	}
	lines.push(
		`Rubric: ${report.rubricScore}/22. ${report.ok ? "All required checks pass." : `${report.requiredFailed.length} required check${report.requiredFailed.length === 1 ? "" : "s"} failed.`}`,
	);
	return lines.join("\n");
}
