// What the tool understood from the inputs, one line per fact with where it came from: pre-flight (TUI and --plain),
// --yes output and the section's "Inputs this section relies on" all use these lines. Types only: no knowledge base.

import type { DataStoreModel, ProjectModel, Provenance, ServiceModel } from "./model";

export interface UnderstoodLine {
	/** "Platform", "Database", "SLA" … */
	label: string;
	/** Canonical labels and numbers; input wording only where no canonical label exists (service names). */
	value: string;
	/** "handoff_03 key_outputs.infrastructure.backend_hosting.platform", "assumed", "section 03 line 12". */
	source: string;
	/** Set when the line is a guess, a conflict or a dropped item: the reader should check it. */
	flag?: "assumed" | "text" | "conflict" | "dropped";
}

const FILE_LABELS: [RegExp, string][] = [
	[/handoff_(\d\d)_[^/]*\.json$/, "handoff $1"],
	[/sections\/(\d\d)_[^/]*\.md$/, "section $1"],
];

/** "handoff 03 key_outputs.database_stack.primary", "section 09 line 5", "assumed". */
export function sourceText(p: Provenance): string {
	let file = p.file;
	for (const [re, rep] of FILE_LABELS) {
		const m = re.exec(file);
		if (m) {
			file = rep.replace("$1", m[1]!);
			break;
		}
	}
	if (p.confidence === "assumed")
		return p.path ? `assumed (${file} ${p.path} names no known option)` : "assumed";
	return p.path ? `${file} ${p.path}` : file;
}

function flagOf(p: Provenance): UnderstoodLine["flag"] {
	if (p.confidence === "assumed") return "assumed";
	if (p.confidence === "text") return "text";
	return undefined;
}

function line(label: string, value: string, from: Provenance): UnderstoodLine {
	const flag = flagOf(from);
	return flag ? { label, value, source: sourceText(from), flag } : { label, value, source: sourceText(from) };
}

function storeText(d: DataStoreModel): string {
	const parts = [`${d.engine}${d.version ? ` ${d.version}` : ""}`];
	if (d.providerLabel && d.providerLabel !== d.engine) parts.push(`on ${d.providerLabel}`);
	if (d.plan) parts.push(`plan ${d.plan}`);
	if (d.region) parts.push(`region ${d.region}`);
	if (d.ha === true) parts.push("HA standby");
	if (d.ha === false) parts.push("no standby");
	if (d.pitr)
		parts.push(
			d.pitr.enabled ? `PITR${d.pitr.windowDays ? ` ${d.pitr.windowDays} days` : ""}` : "PITR not enabled",
		);
	const reps = d.replicas.filter((r) => r.region).map((r) => `${r.kind} replica ${r.region}`);
	parts.push(...reps);
	const off = d.notEnabled.filter((n) => !/point[- ]in[- ]time|pitr/i.test(n) || !d.pitr);
	if (off.length) parts.push(`not enabled: ${off.join(", ")}`);
	if (d.sizeGb) parts.push(`${d.sizeGb} GB`);
	return parts.join(", ");
}

const COMPLIANCE_LABELS: Record<ProjectModel["constraints"]["compliance"][number]["value"], string> = {
	"pci-dss": "PCI DSS",
	hipaa: "HIPAA",
	soc2: "SOC 2",
	gdpr: "GDPR",
	iso27001: "ISO 27001",
	"fca-opres": "FCA operational resilience",
	cab: "change advisory board",
};

const ROLE_LABELS: Record<DataStoreModel["role"], string> = {
	primary: "Database",
	replica: "Replica",
	cache: "Cache",
	queue: "Queue",
	"object-storage": "Object storage",
	search: "Search",
	other: "Data store",
};

function serviceText(s: ServiceModel): string {
	const extra = [
		s.kind,
		s.ingress ? "" : "no ingress",
		s.preDeploy ? "before each release" : "",
		s.schedule ?? "",
	]
		.filter(Boolean)
		.join(", ");
	return `${s.name} (${extra})`;
}

/** How a VM or dedicated-server stack runs its servers, each fact where the inputs say it. */
function hostLines(m: ProjectModel): UnderstoodLine[] {
	const h = m.hosts;
	if (!h) return [];
	const out: UnderstoodLine[] = [];
	if (h.configTool) out.push(line("Configuration tool", h.configTool.name, h.configTool.from));
	if (h.containers)
		out.push(line("Containers in production", h.containers.value ? "yes" : "none", h.containers.from));
	if (h.balancer) out.push(line("Load balancer", h.balancer.name, h.balancer.from));
	if (h.artefactStore) out.push(line("Artefact store", h.artefactStore.value, h.artefactStore.from));
	return out;
}

/** Every fact of the model the section relies on, in reading order. */
export function understoodLines(m: ProjectModel): UnderstoodLine[] {
	const out: UnderstoodLine[] = [];
	out.push(line("Project", m.name.value, m.name.from));
	out.push(
		line(
			"Platform",
			`${m.platform.name}${m.platform.variant ? ` (${m.platform.variant})` : ""}${m.platform.regions.length ? `, ${m.platform.regions.join(", ")}` : ""}`,
			m.platform.from,
		),
	);
	out.push(...hostLines(m));
	if (m.frontend) out.push(line("Frontend", m.frontend.name, m.frontend.from));
	const clouds = { aws: "AWS", gcp: "Google Cloud", azure: "Azure", none: "" };
	if (m.cloud.value !== "none") out.push(line("Cloud", clouds[m.cloud.value], m.cloud.from));
	const services = m.services;
	out.push({
		label: `Services (${services.length})`,
		value: services.map(serviceText).join("; "),
		source: [...new Set(services.map((s) => sourceText(s.from).replace(/\[\d+\]$/, "")))].join("; "),
		...(services.every((s) => s.from.confidence === "assumed") ? { flag: "assumed" as const } : {}),
	});
	for (const d of m.dataStores) {
		const l = line(ROLE_LABELS[d.role], storeText(d), d.from);
		if (d.role === "primary" && d.providerAssumed && !l.flag) l.flag = "assumed";
		out.push(l);
	}
	out.push(line("CI/CD", m.ci.name, m.ci.from));
	if (m.migrations) out.push(line("Schema migrations", m.migrations.name, m.migrations.from));
	if (m.iac) out.push(line("Infrastructure as code", m.iac.name, m.iac.from));
	if (m.gitops) out.push(line("GitOps", m.gitops.value === "flux" ? "Flux" : "Argo CD", m.gitops.from));
	if (m.progressive) {
		const names = {
			"argo-rollouts": "Argo Rollouts",
			flagger: "Flagger",
			codedeploy: "CodeDeploy",
			native: "native",
		};
		out.push(line("Progressive delivery", names[m.progressive.value], m.progressive.from));
	}
	if (m.environments) out.push(line("Environments", m.environments.value.join(", "), m.environments.from));
	const c = m.constraints;
	if (c.slaPercent) out.push(line("SLA", `${c.slaPercent.value}%`, c.slaPercent.from));
	for (const r of c.compliance) out.push(line("Compliance", COMPLIANCE_LABELS[r.value], r.from));
	if (c.complianceNone) out.push(line("Compliance", "no formal regime", c.complianceNone.from));
	if (c.residency)
		out.push(
			line(
				"Data residency",
				`${c.residency.value.jurisdiction}${c.residency.value.regions.length ? ` (${c.residency.value.regions.join(", ")})` : ""}`,
				c.residency.from,
			),
		);
	if (c.budgetMonthlyUsd)
		out.push(
			line("Budget", `${c.budgetMonthlyUsd.value.toLocaleString("en-US")} a month`, c.budgetMonthlyUsd.from),
		);
	if (c.teamSize)
		out.push(
			line("Team", `${c.teamSize.value} ${c.teamSize.value === 1 ? "person" : "people"}`, c.teamSize.from),
		);
	if (c.noOnCall) out.push(line("On-call", "none (the inputs say so)", c.noOnCall.from));
	if (c.changeApproval) out.push(line("Change approval", c.changeApproval.value, c.changeApproval.from));
	const u = m.upstream;
	if (u.featureFlagTool) out.push(line("Feature flags", u.featureFlagTool.value, u.featureFlagTool.from));
	if (u.environments)
		out.push(
			line(
				"Test environments",
				`${u.environments.value.join(", ")}${u.environments.noStaging ? " (no staging)" : ""}`,
				u.environments.from,
			),
		);
	if (u.pagingTool) out.push(line("Paging", u.pagingTool.value, u.pagingTool.from));
	if (u.onCall && !c.noOnCall)
		out.push(
			line(
				"On-call",
				{ "24/7": "a 24/7 rota", "business-hours": "working hours only", none: "none (best effort)" }[
					u.onCall.value
				],
				u.onCall.from,
			),
		);
	if (u.severity) {
		const acks = Object.entries(u.severity.value.ack).map(([k, v]) => `${k} ack ${v}`);
		out.push(
			line("Severity scale", [u.severity.value.levels.join(", "), ...acks].join("; "), u.severity.from),
		);
	}
	if (u.drRegions) out.push(line("DR regions", u.drRegions.value.join(", "), u.drRegions.from));
	if (u.forSection10.length)
		out.push({
			label: "Requirements for this section",
			value: `${u.forSection10.length} item${u.forSection10.length === 1 ? "" : "s"} (quoted in the section)`,
			source: [...new Set(u.forSection10.map((f) => sourceText(f.from)))].join("; "),
		});
	const mon = m.monitoring;
	const tools = [mon.apm, mon.logging, mon.metrics, mon.tracing, mon.errors, mon.uptime].filter(
		(t): t is NonNullable<typeof t> => t !== undefined,
	);
	if (tools.length)
		out.push({
			label: "Monitoring",
			value: [...new Set(tools.map((t) => t.value))].join(", "),
			source: [
				...new Set(
					tools.map((t) =>
						sourceText(t.from).replace(/ key_outputs\.monitoring_stack\.\w+$/, " monitoring_stack"),
					),
				),
			].join("; "),
			...(tools.every((t) => t.from.confidence === "text") ? { flag: "text" as const } : {}),
		});
	if (m.gates.length) {
		const blocking = m.gates.filter((g) => g.blocking).length;
		out.push({
			label: "Quality gates",
			value: `${m.gates.length} (${blocking} blocking)`,
			source: sourceText({ ...m.gates[0]!.from, path: "quality_gates" }),
		});
	}
	if (m.alerts.length) {
		const bySeverity = new Map<string, number>();
		for (const a of m.alerts) bySeverity.set(a.severity, (bySeverity.get(a.severity) ?? 0) + 1);
		out.push({
			label: "Alerts",
			value: `${m.alerts.length} (${[...bySeverity.entries()].map(([s, n]) => `${n} ${s}`).join(", ")})`,
			source: sourceText({ ...m.alerts[0]!.from, path: "alerts_defined" }),
		});
	}
	if (m.rejected.length)
		out.push({
			label: "Rejected upstream",
			value: m.rejected.map((r) => r.label).join("; "),
			source: [...new Set(m.rejected.map((r) => sourceText(r.from).replace(/\[\d+\].*$/, "")))].join("; "),
		});
	for (const k of m.conflicts)
		out.push({
			label: "Conflict",
			value: `${k.what}: ${k.candidates.join(" or ")}${k.chosen ? `; written for ${k.chosen} until answered` : ""}`,
			source: k.from.map(sourceText).join("; "),
			flag: "conflict",
		});
	for (const d of m.dropped)
		out.push({ label: "Dropped", value: `${d.what}: ${d.why}`, source: sourceText(d.from), flag: "dropped" });
	return out;
}

/** One plain-text line: "Platform: Kubernetes (eks) — handoff 03 key_outputs… [assumed]". */
export function understoodText(l: UnderstoodLine): string {
	return `${l.label}: ${l.value} — ${l.source}${l.flag && l.flag !== "conflict" && l.flag !== "dropped" ? ` [${l.flag === "text" ? "from free text" : "assumed"}]` : ""}`;
}
