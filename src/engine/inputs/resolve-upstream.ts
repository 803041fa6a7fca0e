// Decisions made upstream: paging tool, severity scale, feature flags, environments, DR regions, section 10 notes.

import { sanitizeForFile } from "../io/sanitize";
import { FLAG_TOOLS } from "../knowledge/operations";
import { at, type Loose, textAtAny, textOf } from "./lenient";
import type { AlertModel, ProjectModel, Sourced } from "./model";
import { regionsIn } from "./resolve-platform";
import { constraintTexts, type ProjectDocs, upstreamTexts } from "./resolve-project";
import { clean, firstAt, flatText, prov, saysNone, sourced } from "./resolve-util";

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

function pagingOf(docs: ProjectDocs): (Sourced<string> & { label?: string }) | undefined {
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
			if (hit) return { ...sourced(hit[1], prov(h09, field.path, "structured")), label: clean(t) };
		}
	}
	for (const t of upstreamTexts(docs)) {
		if (
			!/\b(pag(e|es|ing)|on[- ]?call|alert(s|ing)? (route|go|via)|escalat)/i.test(t.text) &&
			!/paging|on_call|alerting/i.test(t.from.path ?? "")
		)
			continue;
		const hit = PAGING_TOOLS.find(([re]) => re.test(t.text));
		if (hit) return { ...sourced(hit[1], t.from), label: clean(t.text) };
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
