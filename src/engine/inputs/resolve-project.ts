// The project part of the model: name, constraints (SLA, compliance, residency, budget, team, on-call, change
// approval), decisions already made upstream, monitoring tools, quality gates and alerts (all of them; template
// examples dropped and reported).

import { sanitizeForFile } from "../io/sanitize";
import { COMPLIANCE, COMPLIANCE_IDS, type ComplianceId, FLAG_TOOLS } from "../knowledge/operations";
import { at, type Loose, listOf, textAt, textAtAny, textOf } from "./lenient";
import type { AlertModel, GateModel, MonitoringModel, ProjectModel, Provenance, Sourced } from "./model";
import { regionsIn } from "./resolve-stack";
import {
	chosenSentences,
	chosenStrings,
	clean,
	type Doc,
	firstAt,
	flatText,
	isTemplateItem,
	NOT_CHOSEN_TEXT,
	numberOf,
	prov,
	saysNone,
	sourced,
} from "./resolve-util";

export interface ProjectDocs {
	h00?: Doc;
	h02?: Doc;
	h03?: Doc;
	h05?: Doc;
	h07?: Doc;
	h08?: Doc;
	h09?: Doc;
	s03?: Doc;
	s09?: Doc;
}

/** The project's name: handoff 00's project.name, then handoff 03's, then the folder (assumed). */
export function resolveName(docs: ProjectDocs, dirName: string): ProjectModel["name"] {
	const h00 = docs.h00;
	if (h00?.data) {
		const f = firstAt(h00.data, [["project", "name"], ["project_name"], ["name"], ["project"]]);
		const t = clean(textOf(f?.value));
		if (f && t) return sourced(t, prov(h00, f.path, "structured"));
	}
	const h03 = docs.h03;
	if (h03?.data) {
		const f = firstAt(h03.data, [["project_name"], ["project"], ["key_outputs", "project_name"]]);
		const t = clean(textOf(f?.value));
		if (f && t) return sourced(t, prov(h03, f.path, "structured"));
	}
	const folder = clean(dirName.replace(/[-_]+/g, " ")) ?? "app";
	return sourced(folder, { file: "(project folder name)", confidence: "assumed" });
}

export function resolveDescription(docs: ProjectDocs): ProjectModel["description"] {
	const h00 = docs.h00;
	if (!h00?.data) return undefined;
	const t = clean(textAt(h00.data, "project", "description"));
	return t ? sourced(t, prov(h00, "project.description", "structured")) : undefined;
}

/** Every (text, provenance) of handoff 00's constraints and intake, 02's non-functional requirements, 07's compliance. */
function constraintTexts(docs: ProjectDocs): { text: string; from: Provenance }[] {
	const out: { text: string; from: Provenance }[] = [];
	const push = (doc: Doc | undefined, value: Loose, path: string) => {
		if (!doc || value === undefined || value === null) return;
		if (typeof value === "string" || typeof value === "number") {
			out.push({ text: String(value), from: prov(doc, path, "structured") });
			return;
		}
		for (const f of chosenStrings(value))
			out.push({
				text: f.text,
				from: prov(
					doc,
					`${path}${f.path.startsWith("[") ? "" : "."}${f.path}`.replace(/\.\(top level\)$/, ""),
					"structured",
				),
			});
	};
	const h00 = docs.h00?.data;
	push(docs.h00, at(h00, "project", "constraints"), "project.constraints");
	push(docs.h00, at(h00, "constraints"), "constraints");
	push(docs.h00, at(h00, "intake_summary"), "intake_summary");
	push(docs.h00, at(h00, "global_context", "decisions"), "global_context.decisions");
	const h02 = docs.h02?.data;
	push(docs.h02, at(h02, "non_functional_requirements"), "non_functional_requirements");
	push(docs.h02, at(h02, "technology_implications"), "technology_implications");
	push(
		docs.h02,
		at(h02, "key_outputs", "non_functional_requirements"),
		"key_outputs.non_functional_requirements",
	);
	const h07 = docs.h07?.data;
	push(docs.h07, at(h07, "compliance_requirements"), "compliance_requirements");
	push(docs.h07, at(h07, "key_outputs", "compliance"), "key_outputs.compliance");
	push(docs.h07, at(h07, "key_outputs", "data_residency"), "key_outputs.data_residency");
	return out.filter((t) => !NOT_CHOSEN_TEXT.test(t.text) || /\bno\b/i.test(t.text));
}

function slaOf(texts: { text: string; from: Provenance }[], docs: ProjectDocs): Sourced<number> | undefined {
	for (const t of texts) {
		if (
			!/\b(sla|slo|uptime|availability|available)\b/i.test(
				`${(t.from.path ?? "").replace(/_/g, " ")} ${t.text}`,
			)
		)
			continue;
		const m = /\b(9\d(?:\.\d+)?)\s*%/.exec(t.text);
		if (m) return sourced(Number(m[1]), t.from);
	}
	const h09 = docs.h09;
	const slo = textAt(h09?.data, "slo", "availability", "target") ?? textAt(h09?.data, "slo", "availability");
	const m = slo ? /\b(9\d(?:\.\d+)?)\s*%?/.exec(slo) : null;
	if (h09 && m) return sourced(Number(m[1]), prov(h09, "slo.availability.target", "structured"));
	return undefined;
}

function complianceOf(
	texts: { text: string; from: Provenance }[],
	docs: ProjectDocs,
): Sourced<ComplianceId>[] {
	const out: Sourced<ComplianceId>[] = [];
	const add = (id: ComplianceId, from: Provenance) => {
		if (!out.some((c) => c.value === id)) out.push(sourced(id, from));
	};
	for (const t of texts) {
		if (
			/\bno (formal )?compliance\b/i.test(t.text) &&
			!COMPLIANCE_IDS.some((id) => COMPLIANCE[id].detect.test(t.text))
		)
			continue;
		const text = t.text.replace(/\bISO\/IEC\s*27001/gi, "ISO 27001");
		for (const id of COMPLIANCE_IDS) if (COMPLIANCE[id].detect.test(text)) add(id, t.from);
	}
	// Stack and monitoring handoffs name regimes too (HIPAA BAAs, PCI scope); their chosen text only.
	for (const doc of [docs.h03, docs.h08, docs.h09]) {
		if (!doc?.data) continue;
		for (const f of chosenStrings(doc.data)) {
			for (const id of COMPLIANCE_IDS)
				if (COMPLIANCE[id].detect.test(f.text)) add(id, prov(doc, f.path, "text"));
		}
	}
	for (const doc of [docs.s03, docs.s09]) {
		for (const f of chosenSentences(doc?.text)) {
			for (const id of COMPLIANCE_IDS)
				if (COMPLIANCE[id].detect.test(f.text)) add(id, prov(doc!, f.path, "text"));
		}
	}
	return out;
}

function residencyOf(texts: { text: string; from: Provenance }[]): ProjectModel["constraints"]["residency"] {
	for (const t of texts) {
		const isField = /residency|region|data_location/i.test(t.from.path ?? "");
		const m =
			/\b(EU|EEA|UK|US|USA|Canada|Australia|Germany|Switzerland|India|Japan)(?:[- ]only| data residency| residency)\b|\bdata (?:in|stays? in|must stay in|resides? in) (?:the )?(EU|EEA|UK|US|USA|Canada|Australia|Germany|Switzerland)\b|\b(?:residency|resident)[^.;]{0,30}\b(EU|EEA|UK|US|USA|Canada|Australia|Germany|Switzerland)\b/i.exec(
				t.text,
			);
		if (!m && !isField) continue;
		const jurisdiction = (
			m?.[1] ??
			m?.[2] ??
			m?.[3] ??
			/\b(EU|EEA|UK|US)\b/.exec(t.text)?.[1]
		)?.toUpperCase();
		if (!jurisdiction) continue;
		return sourced(
			{ jurisdiction: jurisdiction === "USA" ? "US" : jurisdiction, regions: regionsIn(t.text) },
			t.from,
		);
	}
	return undefined;
}

/** A budget the project states (handoff 00 constraints); a cost estimate is not a budget. */
function budgetOf(texts: { text: string; from: Provenance }[]): Sourced<number> | undefined {
	for (const t of texts) {
		if (!/budget|cost|\$|€|£|usd|eur/i.test(`${t.from.path ?? ""} ${t.text}`)) continue;
		const m =
			/(?:[$€£]|usd|eur|gbp)\s*~?\s*([\d,.]+)\s*(k\b)?[^.;]{0,25}?(?:\/\s*|per |a )?(month|mo\b|year|yr|annum)?/i.exec(
				t.text,
			);
		if (!m) continue;
		let n = Number(m[1]!.replace(/,/g, ""));
		if (!Number.isFinite(n) || n <= 0) continue;
		if (m[2]) n *= 1000;
		if (m[3] && /year|yr|annum/i.test(m[3])) n = Math.round(n / 12);
		return sourced(n, t.from);
	}
	return undefined;
}

function teamOf(texts: { text: string; from: Provenance }[], docs: ProjectDocs): Sourced<number> | undefined {
	const h00 = docs.h00;
	const field = firstAt(h00?.data, [
		["intake_summary", "team_size"],
		["project", "constraints", "team", "engineers"],
		["project", "constraints", "team", "size"],
		["project", "constraints", "team_size"],
		["constraints", "team_size"],
	]);
	const n = typeof field?.value === "number" ? field.value : undefined;
	if (h00 && field && n && n > 0) return sourced(n, prov(h00, field.path, "structured"));
	for (const t of texts) {
		const m =
			/\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a single|single|solo)\s+(?:part[- ]time\s+|full[- ]time\s+|volunteer\s+|backend\s+|product\s+|software\s+)*(engineers?|developers?|devs?|people|volunteers?|maintainers?|person)\b/i.exec(
				t.text,
			) ?? (/team/i.test(t.from.path ?? "") ? /\b(\d+)\b/.exec(t.text) : null);
		if (!m) continue;
		const n = numberOf(m[1]!.replace(/^a\s+/i, ""));
		if (n && n > 0 && n < 10_000) return sourced(n, t.from);
	}
	return undefined;
}

export function resolveConstraints(docs: ProjectDocs): ProjectModel["constraints"] {
	const texts = constraintTexts(docs);
	const out: ProjectModel["constraints"] = { compliance: complianceOf(texts, docs) };
	const sla = slaOf(texts, docs);
	if (sla) out.slaPercent = sla;
	const residency = residencyOf(texts);
	if (residency) out.residency = residency;
	const budget = budgetOf(texts);
	if (budget) out.budgetMonthlyUsd = budget;
	const team = teamOf(texts, docs);
	if (team) out.teamSize = team;
	const none = texts.find((t) =>
		/\bno (formal )?(compliance|regulatory) (regime|framework|requirements?)\b/i.test(t.text),
	);
	if (none && out.compliance.length === 0) out.complianceNone = sourced(true, none.from);
	const onCall = texts.find((t) =>
		/\bno (on[- ]?call|pager|24\/7)\b|\bbest[- ]effort\b.*\b(support|response|on[- ]?call)\b/i.test(t.text),
	);
	if (onCall) out.noOnCall = sourced(true, onCall.from);
	const cab = [...texts, ...upstreamTexts(docs)].find((t) =>
		/\bCAB\b|change advisory board|change[- ]approval board/i.test(t.text),
	);
	if (cab) out.changeApproval = sourced("change advisory board (CAB)", cab.from);
	return out;
}

/** Chosen strings of the later handoffs (03, 08, 09) and section 09's sentences, with provenance. */
function upstreamTexts(docs: ProjectDocs): { text: string; from: Provenance }[] {
	const out: { text: string; from: Provenance }[] = [];
	for (const doc of [docs.h00, docs.h03, docs.h05, docs.h07, docs.h08, docs.h09]) {
		if (!doc?.data) continue;
		for (const f of chosenStrings(doc.data))
			if (!NOT_CHOSEN_TEXT.test(f.text)) out.push({ text: f.text, from: prov(doc, f.path, "structured") });
	}
	for (const doc of [docs.s03, docs.s09]) {
		for (const f of chosenSentences(doc?.text)) out.push({ text: f.text, from: prov(doc!, f.path, "text") });
	}
	return out;
}

const PAGING_TOOLS: [RegExp, string][] = [
	[/\bpagerduty\b/i, "PagerDuty"],
	[/\bopsgenie\b/i, "Opsgenie"],
	[/\bgrafana on-?call\b/i, "Grafana OnCall"],
	[/\bincident\.io\b/i, "incident.io"],
	[/\bjira service management\b/i, "Jira Service Management"],
	[/\bbetter ?stack\b/i, "Better Stack"],
	[/\bsquadcast\b/i, "Squadcast"],
	[/\bsplunk on-?call\b|\bvictorops\b/i, "Splunk On-Call"],
	[/\brootly\b/i, "Rootly"],
	[/\bfirehydrant\b/i, "FireHydrant"],
];

function pagingOf(docs: ProjectDocs): Sourced<string> | undefined {
	const h09 = docs.h09;
	if (h09?.data) {
		const field = firstAt(h09.data, [
			["on_call", "tool"],
			["key_outputs", "paging"],
			["key_outputs", "notifications", "paging"],
			["key_outputs", "monitoring_stack", "paging"],
			["key_outputs", "monitoring_stack", "on_call"],
			["key_outputs", "monitoring_stack", "alerting"],
			["key_outputs", "incident_management"],
			["incident_management", "tool"],
			["on_call"],
		]);
		const t = flatText(field?.value);
		if (field && t) {
			const hit = PAGING_TOOLS.find(([re]) => re.test(t));
			if (hit) return sourced(hit[1], prov(h09, field.path, "structured"));
		}
	}
	for (const t of upstreamTexts(docs)) {
		if (
			!/\b(pag(e|es|ing)|on[- ]?call|alert(s|ing)? (route|go|via)|escalat)/i.test(t.text) &&
			!/paging|on_call|alerting/i.test(t.from.path ?? "")
		)
			continue;
		const hit = PAGING_TOOLS.find(([re]) => re.test(t.text));
		if (hit) return sourced(hit[1], t.from);
	}
	return undefined;
}

/** Severity levels and acknowledgement targets, from a structured scale in handoff 09 or the alerts' severities. */
function severityOf(docs: ProjectDocs, alerts: AlertModel[]): ProjectModel["upstream"]["severity"] {
	const h09 = docs.h09;
	if (h09?.data) {
		const field = firstAt(h09.data, [
			["severity_levels"],
			["severity_scale"],
			["key_outputs", "severity_levels"],
			["incident_management", "severity_levels"],
			["on_call", "severity_levels"],
			["severities"],
		]);
		if (field) {
			const levels: string[] = [];
			const ack: Record<string, string> = {};
			const entries: [string, Loose][] = Array.isArray(field.value)
				? field.value.map((v) => [
						textOf(at(v, "level")) ?? textOf(at(v, "name")) ?? textOf(at(v, "severity")) ?? textOf(v) ?? "",
						v,
					])
				: field.value && typeof field.value === "object"
					? Object.entries(field.value as Record<string, Loose>)
					: [];
			for (const [level, v] of entries) {
				const name = clean(level);
				if (!name) continue;
				levels.push(name);
				const a = textAtAny(v, [
					["ack"],
					["acknowledge"],
					["ack_target"],
					["acknowledgement"],
					["response"],
					["response_time"],
				]);
				if (a) ack[name] = clean(a)!;
			}
			if (levels.length) return sourced({ levels, ack }, prov(h09, field.path, "structured"));
		}
		const used: string[] = [];
		for (const a of alerts) if (a.severity && !used.includes(a.severity)) used.push(a.severity);
		if (used.length && used.some((s) => /^(sev|p)\d$/i.test(s)) && alerts[0])
			return sourced(
				{ levels: used.sort(), ack: {} },
				{ ...alerts[0].from, path: "alerts_defined[].severity" },
			);
	}
	return undefined;
}

function featureFlagOf(docs: ProjectDocs): Sourced<string> | undefined {
	for (const t of upstreamTexts(docs)) {
		const hit = FLAG_TOOLS.find((f) => f.detect.test(t.text));
		if (hit) return sourced(hit.name, t.from);
	}
	return undefined;
}

/** Environments decided upstream: handoff 08's test environments, "no staging" wherever the inputs say it. */
function environmentsOf(docs: ProjectDocs): ProjectModel["upstream"]["environments"] {
	let out: ProjectModel["upstream"]["environments"];
	const h08 = docs.h08;
	if (h08?.data) {
		const field = firstAt(h08.data, [
			["key_outputs", "environments"],
			["key_outputs", "test_environments"],
			["test_environments"],
			["environments"],
		]);
		if (field) {
			const list = Array.isArray(field.value)
				? field.value.map((v) => textOf(v) ?? textOf(at(v, "name"))).filter((x): x is string => Boolean(x))
				: field.value && typeof field.value === "object"
					? Object.entries(field.value as Record<string, Loose>)
							.filter(([, v]) => !saysNone(flatText(v)))
							.map(([k]) => k)
					: (textOf(field.value) ?? "")
							.split(/[,;]|\band\b/)
							.map((s) => s.trim())
							.filter(Boolean);
			if (list.length)
				out = {
					...sourced(
						list.map((x) => clean(x)!),
						prov(h08, field.path, "structured"),
					),
				};
		}
	}
	const noStaging = upstreamTexts(docs).find((t) =>
		/\bno (separate |dedicated )?staging\b|\bwithout (a )?staging\b|\bstaging (environment )?is not (used|planned|needed)/i.test(
			t.text,
		),
	);
	if (noStaging) {
		if (out) out.noStaging = true;
		else out = { ...sourced(["production"], noStaging.from), noStaging: true };
	}
	return out;
}

function drRegionsOf(docs: ProjectDocs): Sourced<string[]> | undefined {
	const h03 = docs.h03;
	const sec = firstAt(h03?.data, [
		["key_outputs", "infrastructure", "regions", "secondary"],
		["key_outputs", "infrastructure", "regions", "dr"],
		["key_outputs", "infrastructure", "dr_region"],
		["key_outputs", "infrastructure", "dr_regions"],
	]);
	const t = flatText(sec?.value);
	if (h03 && sec && t && regionsIn(t).length) return sourced(regionsIn(t), prov(h03, sec.path, "structured"));
	for (const x of [...constraintTexts(docs), ...upstreamTexts(docs)]) {
		const m =
			/([a-z0-9-]+(?:\s*(?:,|and)\s*[a-z0-9-]+)*)\s+(?:for|as) (?:the )?(?:dr|disaster recovery)\b|\b(?:dr|disaster[- ]recovery|failover) (?:region|site)s?\b[^.;]{0,40}/i.exec(
				x.text,
			);
		if (!m) continue;
		const regions = regionsIn(m[1] ?? m[0]);
		if (regions.length) return sourced(regions, x.from);
	}
	return undefined;
}

/** Input text kept whole (sanitised, on one line): requirements are quoted, not shortened. */
function verbatim(text: string): string {
	const t = sanitizeForFile(text).replace(/\s+/g, " ").trim();
	return t.length > 2000 ? `${t.slice(0, 1999)}…` : t;
}

function forSection10Of(docs: ProjectDocs): Sourced<string>[] {
	const out: Sourced<string>[] = [];
	for (const doc of [docs.h00, docs.h02, docs.h03, docs.h05, docs.h07, docs.h08, docs.h09]) {
		if (!doc?.data) continue;
		const v = at(doc.data, "next_section_context", "for_section_10");
		const items = Array.isArray(v) ? v : v === undefined ? [] : [v];
		items.forEach((item, i) => {
			const t = flatText(item);
			if (t)
				out.push(
					sourced(
						verbatim(t),
						prov(doc, `next_section_context.for_section_10${Array.isArray(v) ? `[${i}]` : ""}`, "structured"),
					),
				);
		});
	}
	return out;
}

export function resolveUpstream(docs: ProjectDocs, alerts: AlertModel[]): ProjectModel["upstream"] {
	const out: ProjectModel["upstream"] = { forSection10: forSection10Of(docs) };
	const flag = featureFlagOf(docs);
	if (flag) out.featureFlagTool = flag;
	const envs = environmentsOf(docs);
	if (envs) out.environments = envs;
	const paging = pagingOf(docs);
	if (paging) out.pagingTool = paging;
	const sev = severityOf(docs, alerts);
	if (sev) out.severity = sev;
	const dr = drRegionsOf(docs);
	if (dr) out.drRegions = dr;
	return out;
}

// ---- monitoring, gates, alerts -------------------------------------------------------------------------------

const MONITORING_TOOLS: [RegExp, string][] = [
	[/\bdatadog\b/i, "Datadog"],
	[/\bnew ?relic\b/i, "New Relic"],
	[/\bsentry\b/i, "Sentry"],
	[/\bhoneybadger\b/i, "Honeybadger"],
	[/\bgrafana\b/i, "Grafana"],
	[/\bprometheus\b/i, "Prometheus"],
	[/\bcloudwatch\b/i, "CloudWatch"],
	[/\bhoneycomb\b/i, "Honeycomb"],
	[/\bopen ?telemetry\b|\botel\b/i, "OpenTelemetry"],
	[/\bbetter ?stack\b/i, "Better Stack"],
	[/\bpapertrail\b/i, "Papertrail"],
	[/\baxiom\b/i, "Axiom"],
	[/\bapplication insights\b/i, "Application Insights"],
	[/\bazure monitor\b/i, "Azure Monitor"],
	[/\bcloud monitoring\b|\bcloud logging\b/i, "Google Cloud Monitoring"],
	[/\bloki\b/i, "Grafana Loki"],
	[/\belastic(search)?\b|\belk\b/i, "Elastic"],
	[/\bx-ray\b/i, "AWS X-Ray"],
	[/\blumigo\b/i, "Lumigo"],
	[/\btempo\b/i, "Grafana Tempo"],
];

function toolIn(text: string | undefined): string | undefined {
	if (!text) return undefined;
	let best: { name: string; index: number } | undefined;
	for (const [re, name] of MONITORING_TOOLS) {
		const m = re.exec(text);
		if (m && (!best || m.index < best.index)) best = { name, index: m.index };
	}
	return best?.name;
}

export function resolveMonitoring(docs: ProjectDocs): MonitoringModel {
	const out: MonitoringModel = { dashboards: [] };
	const h09 = docs.h09;
	const stack = at(h09?.data, "key_outputs", "monitoring_stack");
	const keys: [keyof Omit<MonitoringModel, "dashboards">, string[]][] = [
		["apm", ["apm"]],
		["logging", ["logging", "logs"]],
		["metrics", ["metrics"]],
		["tracing", ["tracing", "traces"]],
		["errors", ["errors", "error_tracking"]],
		["uptime", ["uptime", "synthetics"]],
	];
	if (h09 && stack) {
		for (const [k, names] of keys) {
			for (const n of names) {
				const t = textOf(at(stack, n));
				const tool = toolIn(t);
				if (tool) {
					out[k] = {
						...sourced(tool, prov(h09, `key_outputs.monitoring_stack.${n}`, "structured")),
						label: clean(t)!,
					};
					break;
				}
				// A tool the knowledge does not list is still the tool the project chose.
				if (t && !saysNone(t)) {
					out[k] = {
						...sourced(
							clean(t.split(/[(;,]/)[0]!.trim()) ?? clean(t)!,
							prov(h09, `key_outputs.monitoring_stack.${n}`, "structured"),
						),
						label: clean(t)!,
					};
					break;
				}
			}
		}
	}
	// Section 09's text, then handoff 03's monitoring/third-party fields, when handoff 09 names no tool for a signal.
	const fallbacks: { doc: Doc; text: string; path: string }[] = [];
	if (docs.s09?.text)
		for (const f of chosenSentences(docs.s09.text))
			fallbacks.push({ doc: docs.s09, text: f.text, path: f.path });
	if (docs.h03?.data) {
		for (const key of ["monitoring_tools", "third_party", "monitoring", "observability"]) {
			for (const f of chosenStrings(at(docs.h03.data, key)))
				fallbacks.push({ doc: docs.h03, text: f.text, path: `${key}.${f.path}` });
		}
	}
	const signals: [keyof Omit<MonitoringModel, "dashboards">, RegExp][] = [
		["apm", /\b(apm|application performance)\b/i],
		["logging", /\blog(s|ging)?\b/i],
		["metrics", /\bmetrics?\b/i],
		["tracing", /\btrac(e|es|ing)\b/i],
		["errors", /\berrors?\b|\bexceptions?\b/i],
		["uptime", /\buptime|synthetic/i],
	];
	for (const [k, re] of signals) {
		if (out[k]) continue;
		const hit = fallbacks.find((f) => re.test(`${f.path} ${f.text}`) && toolIn(f.text));
		if (hit)
			out[k] = sourced(toolIn(hit.text)!, prov(hit.doc, hit.path, hit.doc.data ? "structured" : "text"));
	}
	if (!out.apm) {
		const any = fallbacks.find((f) => toolIn(f.text));
		if (any) out.apm = sourced(toolIn(any.text)!, prov(any.doc, any.path, "text"));
	}
	out.dashboards = listOf(at(h09?.data, "dashboards"))
		.filter((d) => !isTemplateItem(d))
		.map((d) => clean(typeof d === "string" ? textOf(d) : textAtAny(d, [["name"], ["title"]])))
		.filter((d): d is string => Boolean(d));
	return out;
}

function blockingOf(v: Loose): boolean {
	if (v === undefined || v === null) return true;
	if (typeof v === "boolean") return v;
	return /^(true|yes|blocking|required|hard)$/i.test(String(v).trim());
}

/** A threshold that may be an object ({metric, min, max, unit}) or text. */
function thresholdOf(v: Loose): Pick<GateModel, "threshold" | "metric" | "min" | "max" | "unit"> {
	if (v && typeof v === "object" && !Array.isArray(v)) {
		const metric = clean(textOf(at(v, "metric")));
		const minV = at(v, "min") ?? at(v, "minimum") ?? at(v, "gte");
		const maxV = at(v, "max") ?? at(v, "maximum") ?? at(v, "lte");
		const min =
			typeof minV === "number"
				? minV
				: Number.isFinite(Number(minV)) && minV !== undefined
					? Number(minV)
					: undefined;
		const max =
			typeof maxV === "number"
				? maxV
				: Number.isFinite(Number(maxV)) && maxV !== undefined
					? Number(maxV)
					: undefined;
		const unit = clean(textOf(at(v, "unit")));
		const u = unit === "%" || unit === "percent" ? "%" : unit ? ` ${unit}` : "";
		const parts = [
			metric,
			min !== undefined ? `≥ ${min}${u}` : undefined,
			max !== undefined ? `≤ ${max}${u}` : undefined,
		].filter(Boolean);
		return {
			threshold: parts.length ? parts.join(" ") : (clean(flatText(v)) ?? "pass"),
			...(metric ? { metric } : {}),
			...(min !== undefined ? { min } : {}),
			...(max !== undefined ? { max } : {}),
			...(unit ? { unit } : {}),
		};
	}
	return { threshold: clean(textOf(v)) ?? "pass" };
}

export function resolveGates(docs: ProjectDocs, dropped: ProjectModel["dropped"]): GateModel[] {
	const h08 = docs.h08;
	if (!h08?.data) return [];
	const field = firstAt(h08.data, [["quality_gates"], ["key_outputs", "quality_gates"]]);
	if (!field) return [];
	const out: GateModel[] = [];
	listOf(field.value).forEach((g, i) => {
		const from = prov(h08, `${field.path}[${i}]`, "structured");
		if (isTemplateItem(g)) {
			dropped.push({ what: "quality gate", why: "an unfilled template example", from });
			return;
		}
		if (typeof g === "string") {
			const t = clean(textOf(g));
			if (t) out.push({ name: t, threshold: "pass", blocking: true, from });
			return;
		}
		const name = clean(textAtAny(g, [["gate"], ["name"], ["check"], ["title"]]));
		if (!name) {
			dropped.push({ what: "quality gate", why: "it has no name", from });
			return;
		}
		const th = thresholdOf(at(g, "threshold") ?? at(g, "value") ?? at(g, "target") ?? at(g, "criteria"));
		const stage = clean(textAtAny(g, [["stage"], ["phase"], ["when"], ["step"]]));
		out.push({
			name,
			...th,
			...(stage ? { stage } : {}),
			blocking: blockingOf(at(g, "blocking") ?? at(g, "required")),
			from,
		});
	});
	return out;
}

export function resolveAlerts(docs: ProjectDocs, dropped: ProjectModel["dropped"]): AlertModel[] {
	const h09 = docs.h09;
	if (!h09?.data) return [];
	const field = firstAt(h09.data, [["alerts_defined"], ["alerts"], ["key_outputs", "alerts"]]);
	if (!field) return [];
	const out: AlertModel[] = [];
	listOf(field.value).forEach((a, i) => {
		const from = prov(h09, `${field.path}[${i}]`, "structured");
		if (isTemplateItem(a)) {
			dropped.push({ what: "alert", why: "an unfilled template example", from });
			return;
		}
		if (typeof a === "string") {
			const t = clean(textOf(a));
			if (t) out.push({ name: t, condition: t, severity: "warning", from });
			return;
		}
		const name = clean(textAtAny(a, [["name"], ["alert"], ["title"]]));
		if (!name) {
			dropped.push({ what: "alert", why: "it has no name", from });
			return;
		}
		const cond = at(a, "condition") ?? at(a, "threshold") ?? at(a, "expr") ?? at(a, "query");
		const condition =
			cond && typeof cond === "object" && !Array.isArray(cond)
				? (clean(
						[
							textOf(at(cond, "metric")),
							textOf(at(cond, "operator")),
							textOf(at(cond, "threshold")),
							textOf(at(cond, "period")) ? `over ${textOf(at(cond, "period"))}` : undefined,
						]
							.filter(Boolean)
							.join(" "),
					) ?? clean(flatText(cond)))
				: clean(textOf(cond));
		const route = clean(textAtAny(a, [["route"], ["routing"], ["notify"], ["channel"]]));
		out.push({
			name,
			condition: condition || "as defined in Section 9",
			severity: clean(textOf(at(a, "severity")) ?? textOf(at(a, "priority")))?.toLowerCase() ?? "warning",
			...(route ? { route } : {}),
			from,
		});
	});
	return out;
}
