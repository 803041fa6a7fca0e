// What each input says at a glance (the pre-flight lines), the project's name, and the quality gates and alerts the
// earlier sections define. Kept apart from the context so the first screen loads no knowledge base.

import { sanitizeForFile } from "../io/sanitize";
import type { AlertDef, QualityGate } from "./gates";
import { at, listOf, percentOf, textAt, textAtAny, textOf } from "./lenient";
import { type InputId, inputById, type PreflightReport } from "./preflight";

/** Text from an input, made safe for files, on one line, at most 160 characters. */
export function cleanText(text: string | undefined): string | undefined {
	if (text === undefined) return undefined;
	const t = sanitizeForFile(text).replace(/\s+/g, " ").trim();
	return t.length > 160 ? `${t.slice(0, 159)}…` : t;
}

/** The project's name: handoff 03 when it names one, else the folder's name. */
export function projectNameOf(report: PreflightReport, projectDirName: string): string {
	const h03 = inputById(report, "handoff03").data;
	return (
		cleanText(textAtAny(h03, [["project_name"], ["project"], ["key_outputs", "project_name"]])) ??
		cleanText(projectDirName.replace(/[-_]+/g, " ")) ??
		"app"
	);
}

export function gatesFrom(h08: unknown): QualityGate[] {
	return listOf(at(h08, "quality_gates"))
		.map((g): QualityGate | undefined => {
			if (typeof g === "string")
				return textOf(g) ? { name: cleanText(g)!, threshold: "pass", blocking: true } : undefined;
			const name = cleanText(textAtAny(g, [["gate"], ["name"], ["check"]]));
			if (!name) return undefined;
			const threshold = cleanText(textAtAny(g, [["threshold"], ["value"], ["target"]])) ?? "pass";
			const b = at(g, "blocking");
			const blocking = b === undefined ? true : b === true || /^(true|yes|blocking)$/i.test(String(b));
			return { name, threshold, blocking };
		})
		.filter((g): g is QualityGate => g !== undefined)
		.slice(0, 20);
}

export function alertsFrom(h09: unknown): AlertDef[] {
	return listOf(at(h09, "alerts_defined"))
		.map((a): AlertDef | undefined => {
			if (typeof a === "string")
				return textOf(a) ? { name: cleanText(a)!, condition: cleanText(a)!, severity: "warning" } : undefined;
			const name = cleanText(textAtAny(a, [["name"], ["alert"]]));
			if (!name) return undefined;
			return {
				name,
				condition:
					cleanText(textAtAny(a, [["condition"], ["threshold"], ["expr"]])) ?? "as defined in Section 9",
				severity: cleanText(textAt(a, "severity"))?.toLowerCase() ?? "warning",
			};
		})
		.filter((a): a is AlertDef => a !== undefined)
		.slice(0, 20);
}

export function summarizeInput(id: InputId, data: unknown): string {
	if (id === "handoff03") {
		const fe = textAt(data, "key_outputs", "infrastructure", "frontend_hosting");
		const be = textAt(data, "key_outputs", "infrastructure", "backend_hosting");
		const ci = textAt(data, "key_outputs", "infrastructure", "ci_cd");
		const db = textAt(data, "key_outputs", "database_stack", "primary");
		const hosting = [fe, be].filter((v, i, a) => v && a.indexOf(v) === i).join(" + ");
		const parts = [hosting, ci, db].filter(Boolean).map((p) => cleanText(p)!);
		return parts.length ? parts.join(", ") : "found, but it names no hosting, CI or database";
	}
	if (id === "handoff08") {
		const fw = at(data, "key_outputs", "testing_frameworks");
		const names = [textAt(fw, "unit"), textAt(fw, "e2e")].filter(Boolean).map((p) => cleanText(p)!);
		const cov = percentOf(at(data, "key_outputs", "coverage_targets", "unit"));
		const gates = gatesFrom(data).length;
		const parts = [
			names.join(", "),
			cov !== undefined ? `unit coverage ${cov}%` : "",
			gates ? `${gates} quality gate${gates === 1 ? "" : "s"}` : "",
		].filter(Boolean);
		return parts.length ? parts.join("; ") : "found, but it names no frameworks or gates";
	}
	if (id === "handoff09") {
		const stack = at(data, "key_outputs", "monitoring_stack");
		const tools = [
			...new Set(["apm", "logging", "metrics", "tracing"].map((k) => textAt(stack, k)).filter(Boolean)),
		].map((p) => cleanText(p)!);
		const alerts = alertsFrom(data).length;
		const parts = [tools.join(", "), alerts ? `${alerts} alert${alerts === 1 ? "" : "s"}` : ""].filter(
			Boolean,
		);
		return parts.length ? parts.join("; ") : "found, but it names no monitoring tools or alerts";
	}
	return "found";
}
