// The monitoring tools, quality gates and alerts named upstream (all of them; template examples dropped and reported).

import { at, type Loose, listOf, textAtAny, textOf } from "./lenient";
import type { AlertModel, GateModel, MonitoringModel, ProjectModel } from "./model";
import type { ProjectDocs } from "./resolve-project";
import {
	chosenSentences,
	chosenStrings,
	clean,
	type Doc,
	firstAt,
	flatText,
	isTemplateItem,
	prov,
	saysNone,
	sourced,
} from "./resolve-util";

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
