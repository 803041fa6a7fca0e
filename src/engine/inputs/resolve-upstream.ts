// Decisions made upstream: paging tool, severity scale, feature flags, environments, DR regions, section 10 notes.

import { sanitizeForFile } from "../io/sanitize";
import { FLAG_TOOLS } from "../knowledge/operations";
import { at, type Loose, textAtAny, textOf } from "./lenient";
import type { AlertModel, ProjectModel, Sourced } from "./model";
import { regionsIn } from "./resolve-platform";
import { constraintTexts, type ProjectDocs, upstreamTexts } from "./resolve-project";
import { clean, type Doc, firstAt, flatText, prov, saysNone, sourced } from "./resolve-util";

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

/** On-call coverage as handoff 09 (or the intake's team constraint) states it: a rota, working hours, or none. */
function onCallOf(docs: ProjectDocs): ProjectModel["upstream"]["onCall"] {
	const places: [Doc | undefined, string[][]][] = [
		[docs.h09, [["on_call"], ["key_outputs", "on_call"], ["incident_management", "on_call"]]],
		[
			docs.h00,
			[
				["project", "constraints", "team", "on_call"],
				["project", "constraints", "on_call"],
			],
		],
	];
	for (const [doc, paths] of places) {
		const field = firstAt(doc?.data, paths);
		const t = flatText(field?.value);
		if (!doc || !field || !t) continue;
		const coverage = /24\s*\/\s*7|follow[- ]the[- ]sun|around the clock|round[- ]the[- ]clock/i.test(t)
			? "24/7"
			: /business hours|working hours|office hours|\bmon(day)?\s*[-–]\s*fri/i.test(t)
				? "business-hours"
				: /^\s*(none|no)\b|best[- ]effort|\bno (on[- ]?call|rota|rotation|pager)\b/i.test(t)
					? "none"
					: undefined;
		if (coverage) return sourced(coverage, prov(doc, field.path, "structured"));
	}
	return undefined;
}

/**
 * The escalation chain of handoff 09's on-call field ("on-call -> secondary after 15 min -> head of operations after
 * 30 min"): the steps after the first responder, each a short role label with its wait.
 */
function escalationOf(docs: ProjectDocs): ProjectModel["upstream"]["escalation"] {
	const h09 = docs.h09;
	const field = firstAt(h09?.data, [
		["on_call", "escalation"],
		["key_outputs", "on_call", "escalation"],
		["incident_management", "escalation"],
		["escalation"],
	]);
	const t = flatText(field?.value);
	if (!h09 || !field || !t || !/->|→|>>/.test(t)) return undefined;
	const steps = t
		.replace(/^[^:]*chain:\s*/i, "")
		.split(/\s*(?:->|→|>>)\s*/)
		.map((part) => {
			const m = /^(.*?)\s*(?:after\s+|\(|:\s*)?(\d+)\s*(?:min(?:ute)?s?)\)?\s*$/i.exec(part.trim());
			const who = clean((m ? m[1]! : part).replace(/^(the|an?)\s+/i, "").trim());
			return who && who.length <= 40 ? { who, ...(m ? { afterMinutes: Number(m[2]) } : {}) } : undefined;
		});
	if (steps.length < 2 || steps.some((x) => !x)) return undefined;
	return sourced(
		steps.slice(1) as { who: string; afterMinutes?: number }[],
		prov(h09, field.path, "structured"),
	);
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
		// Numbered levels on the alerts (sev1, P2): the scale runs from the most urgent numbered level to the least,
		// with the levels between filled in; word severities (critical, warning) are alert priorities, not levels.
		const numbered = alerts
			.map((a) => /^(sev|p)-?(\d)$/i.exec(a.severity))
			.filter((x): x is RegExpExecArray => x !== null);
		const prefix = numbered[0]?.[1]?.toLowerCase();
		const nums = numbered.filter((x) => x[1]!.toLowerCase() === prefix).map((x) => Number(x[2]));
		if (prefix && nums.length && alerts[0]) {
			const lo = Math.min(...nums) === 0 ? 0 : 1;
			const hi = Math.max(Math.max(...nums), lo + 1);
			const levels = Array.from({ length: hi - lo + 1 }, (_, i) => `${prefix}${lo + i}`);
			return sourced({ levels, ack: {} }, { ...alerts[0].from, path: "alerts_defined[].severity" });
		}
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
	const onCall = onCallOf(docs);
	if (onCall) out.onCall = onCall;
	const escalation = escalationOf(docs);
	if (escalation) out.escalation = escalation;
	const sev = severityOf(docs, alerts);
	if (sev) out.severity = sev;
	const dr = drRegionsOf(docs);
	if (dr) out.drRegions = dr;
	return out;
}
