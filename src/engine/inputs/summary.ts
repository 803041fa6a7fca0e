// What each input says at a glance (the pre-flight lines), the project's name, and the quality gates and alerts the
// earlier sections define. Kept apart from the context so the first screen loads no knowledge base.

import type { AlertDef, QualityGate } from "./gates";
import { at, listOf, percentOf, textAt, textAtAny, textOf } from "./lenient";
import { type InputId, inputById, maybeInput, type PreflightReport } from "./preflight";
import { clean, isTemplateItem } from "./resolve-util";

/** Text from an input, made safe for files, on one line, at most 160 characters. */
export const cleanText = clean;

/** The project's name: handoff 00's, else handoff 03's, else the folder's name (as resolve.ts decides it). */
export function projectNameOf(report: PreflightReport, projectDirName: string): string {
	const h00 = maybeInput(report, "handoff00")?.data;
	const h03 = inputById(report, "handoff03").data;
	return (
		cleanText(textAtAny(h00, [["project", "name"], ["project_name"], ["name"], ["project"]])) ??
		cleanText(textAtAny(h03, [["project_name"], ["project"], ["key_outputs", "project_name"]])) ??
		cleanText(projectDirName.replace(/[-_]+/g, " ")) ??
		"app"
	);
}

export function gatesFrom(h08: unknown): QualityGate[] {
	return listOf(at(h08, "quality_gates"))
		.filter((g) => !isTemplateItem(g))
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
		.filter((g): g is QualityGate => g !== undefined);
}

export function alertsFrom(h09: unknown): AlertDef[] {
	return listOf(at(h09, "alerts_defined"))
		.filter((a) => !isTemplateItem(a))
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
		.filter((a): a is AlertDef => a !== undefined);
}

export function summarizeInput(id: InputId, data: unknown): string {
	if (id === "handoff00") {
		const name = textAtAny(data, [["project", "name"], ["project_name"], ["name"]]);
		const c = at(data, "project", "constraints") ?? at(data, "constraints");
		const keys = c && typeof c === "object" && !Array.isArray(c) ? Object.keys(c).length : c ? 1 : 0;
		const parts = [
			cleanText(name),
			keys ? `constraints (${keys === 1 && typeof c === "string" ? "text" : `${keys} fields`})` : "",
		];
		return parts.filter(Boolean).join("; ") || "found, but it names no project or constraints";
	}
	if (id === "handoff02" || id === "handoff05" || id === "handoff07") {
		const n = listOf(at(data, "decisions_made")).length + listOf(at(data, "architectural_decisions")).length;
		const extra =
			id === "handoff07"
				? listOf(at(data, "compliance_requirements")).length
				: id === "handoff05"
					? listOf(at(data, "key_outputs", "major_components")).length
					: listOf(at(data, "feature_summary")).length;
		const what = id === "handoff07" ? "compliance framework" : id === "handoff05" ? "component" : "feature";
		const parts = [
			extra ? `${extra} ${what}${extra === 1 ? "" : "s"}` : "",
			n ? `${n} decision${n === 1 ? "" : "s"}` : "",
		];
		return parts.filter(Boolean).join("; ") || "found";
	}
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
