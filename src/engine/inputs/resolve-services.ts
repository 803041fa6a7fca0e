// The services of the stack: named in a structured service list first, else in the chosen text, else one assumed.

import { at, type Loose, listOf, textOf } from "./lenient";
import type { ServiceKind, ServiceModel } from "./model";
import { infra, type StackDocs } from "./resolve-platform";
import { clean, flatText, prov, saysNone } from "./resolve-util";

function kindOf(name: string, desc: string, hint?: ServiceKind): ServiceKind {
	const t = `${name} ${desc}`;
	if (hint) return hint;
	if (/\bmigrat|release phase|release:|pre[- _]?deploy/i.test(t)) return "job";
	if (/\b(cron|schedul|hourly|nightly|daily|weekly)\b/i.test(t)) return "cron";
	if (/\b(worker|consumer|sidekiq|celery|queue|procrastinate|background|processor|listener)\b/i.test(t))
		return "worker";
	if (/\b(static|spa|site|cdn)\b/i.test(t)) return "static";
	if (/\b(function|lambda)\b/i.test(t)) return "function";
	if (/\b(api|gateway|backend|ingest|query|grpc|rest)\b/i.test(t)) return "api";
	if (/\b(job|task|batch|export|report)\b/i.test(t)) return "worker";
	return "web";
}

function ingressOf(kind: ServiceKind, ingressField: Loose): boolean {
	const t = textOf(ingressField);
	if (t !== undefined) return !/^(none|false|no|internal|disabled)\b/i.test(t);
	return kind === "web" || kind === "api" || kind === "static";
}

/** A service name from a string item: a quoted name, a leading slug, or the whole (short) item. */
function nameFromItem(s: string): string | undefined {
	const quoted = /['"‘“]([A-Za-z0-9][\w.-]{0,40})['"’”]/.exec(s);
	if (quoted) return quoted[1];
	const lead = /^\s*([a-z0-9][a-z0-9._-]{1,40})\b(?=\s*(?:[:(–—-]|$))/i.exec(s);
	if (lead && !/^(web|worker|service|the|a|an)$/i.test(lead[1]!)) return lead[1];
	return s.length <= 40 ? s.trim() : undefined;
}

function addService(out: ServiceModel[], svc: ServiceModel): void {
	const name = clean(svc.name);
	if (!name || out.some((s) => s.name.toLowerCase() === name.toLowerCase())) return;
	out.push({ ...svc, name });
}

/**
 * A service handoff 03 names only by name gets its kind and ingress from the row that names it in a table of
 * section 03 (`| qm-reports | Python worker (Pub/Sub) | none | ... |`).
 */
function refineFromTable(out: ServiceModel[], docs: StackDocs): void {
	const text = docs.s03?.text;
	if (!text) return;
	for (const svc of out) {
		if (svc.from.confidence !== "structured" || svc.kind === "job" || svc.kind === "cron") continue;
		const row = text
			.split("\n")
			.find((l) => l.trim().startsWith("|") && l.split("|")[1]?.trim().replace(/`/g, "") === svc.name);
		if (!row) continue;
		const cells = row
			.split("|")
			.slice(2, -1)
			.map((c) => c.trim());
		const desc = cells.join(" ");
		if (/\b(worker|consumer|queue|pub\/?sub|background)\b/i.test(desc)) svc.kind = "worker";
		if (cells.some((c) => /^(none|no|internal only|-|—)$/i.test(c)) || svc.kind === "worker")
			svc.ingress = false;
	}
}

/** Every service, worker, job, cron and static site in handoff 03 (lists, maps, app objects) and 05's components. */
export function resolveServices(docs: StackDocs, fallbackName: string): ServiceModel[] {
	const out: ServiceModel[] = [];
	const h03 = docs.h03;
	const inf = infra(h03?.data);
	const base = at(h03?.data, "key_outputs", "infrastructure")
		? "key_outputs.infrastructure"
		: "infrastructure";
	if (h03 && inf && typeof inf === "object") {
		const visit = (value: Loose, path: string, hint?: ServiceKind) => {
			if (typeof value === "string") {
				if (saysNone(value)) return;
				const name = nameFromItem(value);
				if (!name) return;
				const kind = kindOf(name, value, hint);
				const cmd = /:\s*(.+)$/.exec(value)?.[1];
				addService(out, {
					name,
					kind,
					ingress: ingressOf(kind, undefined),
					...(kind === "job" || kind === "cron" ? { command: clean(cmd) } : {}),
					...(kind === "job" && /pre[- _]?deploy|release|migrat/i.test(value) ? { preDeploy: true } : {}),
					...(kind === "cron"
						? {
								schedule: clean(
									/\b(hourly|nightly|daily|weekly|every [^,;)]+|\d+ [\d*]+ [\d*]+ [\d*]+ [\d*]+)\b/i.exec(
										value,
									)?.[0],
								),
							}
						: {}),
					from: prov(h03, path, "structured"),
				});
			} else if (value && typeof value === "object" && !Array.isArray(value)) {
				const name = textOf(at(value, "name")) ?? textOf(at(value, "service"));
				if (!name) return;
				const desc = flatText(value) ?? "";
				const kind = kindOf(name, `${desc} ${textOf(at(value, "trigger")) ?? ""}`, hint);
				const schedule = textOf(at(value, "cron")) ?? textOf(at(value, "schedule"));
				addService(out, {
					name,
					kind: schedule && (kind === "job" || kind === "worker") && !/migrat/i.test(name) ? "cron" : kind,
					ingress: ingressOf(kind, at(value, "ingress")),
					...(schedule ? { schedule: clean(schedule) } : {}),
					...(textOf(at(value, "command")) ? { command: clean(textOf(at(value, "command"))) } : {}),
					...(/migrat|pre[- _]?deploy/i.test(desc) && kind === "job" ? { preDeploy: true } : {}),
					from: prov(h03, path, "structured"),
				});
			}
		};
		// Lists of services under the hosting object and the infrastructure block.
		const listPaths: [string[], ServiceKind | undefined][] = [
			[["backend_hosting", "services"], undefined],
			[["hosting", "services"], undefined],
			[["services"], undefined],
			[["container_apps"], undefined],
			[["apps_list"], undefined],
			[["workers"], "worker"],
			[["jobs"], "job"],
			[["cron_jobs"], "cron"],
			[["crons"], "cron"],
			[["scheduled_jobs"], "cron"],
			[["functions"], "function"],
		];
		for (const [keys, hint] of listPaths) {
			const v = at(inf, ...keys);
			if (!Array.isArray(v)) continue;
			v.forEach((item, i) => {
				visit(item, `${base}.${keys.join(".")}[${i}]`, hint);
			});
		}
		// Maps of role → description: components {web, worker, static_site, jobs[]}, dynos {web, worker, release}.
		for (const mapKey of ["components", "dynos", "processes", "process_types"]) {
			const m = at(inf, mapKey);
			if (!m || typeof m !== "object" || Array.isArray(m)) continue;
			for (const [role, v] of Object.entries(m as Record<string, Loose>)) {
				const path = `${base}.${mapKey}.${role}`;
				const hint: ServiceKind | undefined = /static/i.test(role)
					? "static"
					: /worker/i.test(role)
						? "worker"
						: /release|migrat/i.test(role)
							? "job"
							: /cron|schedul/i.test(role)
								? "cron"
								: /^web$/i.test(role)
									? "web"
									: undefined;
				if (Array.isArray(v)) {
					v.forEach((item, i) => {
						visit(item, `${path}[${i}]`, /job/i.test(role) ? undefined : hint);
					});
				} else if (typeof v === "string") {
					const quoted = /['"‘“]([A-Za-z0-9][\w.-]{0,40})['"’”]/.exec(v)?.[1];
					const kind = kindOf(role, v, hint);
					addService(out, {
						name: quoted ?? role,
						kind,
						ingress: ingressOf(kind, undefined),
						...(kind === "job"
							? {
									preDeploy: /release|migrat|pre[- _]?deploy/i.test(`${role} ${v}`),
									command: clean(/(?:release:|:)\s*([^)]+)\)?$/.exec(v)?.[1]),
								}
							: {}),
						from: prov(h03, path, "structured"),
					});
				} else visit(v, path, hint);
			}
		}
	}
	// Handoff 03's top-level functions list (serverless stacks).
	if (h03?.data) {
		const fns = at(h03.data, "functions");
		if (Array.isArray(fns))
			fns.forEach((f, i) => {
				const name =
					typeof f === "string" ? nameFromItem(f) : (textOf(at(f, "name")) ?? textOf(at(f, "function")));
				if (!name) return;
				const trigger = typeof f === "string" ? f : (flatText(f) ?? "");
				addService(out, {
					name,
					kind: /\b(schedule|cron|rate\()/i.test(trigger)
						? "cron"
						: /\b(sqs|queue|stream|event)\b/i.test(trigger)
							? "worker"
							: "function",
					ingress: /\b(api|http|gateway|url)\b/i.test(trigger),
					from: prov(h03, `functions[${i}]`, "structured"),
				});
			});
	}
	// Handoff 05's deployable components, when 03 names none.
	if (out.length === 0 && docs.h05?.data) {
		const comps = at(docs.h05.data, "key_outputs", "major_components") ?? at(docs.h05.data, "components");
		listOf(comps).forEach((c, i) => {
			const name = typeof c === "string" ? nameFromItem(c) : textOf(at(c, "name"));
			if (!name) return;
			const desc = typeof c === "string" ? c : (flatText(c) ?? "");
			const kind = kindOf(name, desc);
			addService(out, {
				name,
				kind,
				ingress: ingressOf(kind, at(c, "ingress")),
				from: prov(docs.h05!, `key_outputs.major_components[${i}]`, "structured"),
			});
		});
	}
	refineFromTable(out, docs);
	if (out.length === 0)
		out.push({
			name: fallbackName,
			kind: "web",
			ingress: true,
			from: {
				file: docs.h03?.file ?? "genesis_output/handoffs/handoff_03_technology_stack.json",
				confidence: "assumed",
			},
		});
	return out;
}
