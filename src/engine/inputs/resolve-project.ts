// The project's name, description and constraints (SLA, compliance, residency, budget, team, on-call, approval).

import { COMPLIANCE, COMPLIANCE_IDS, type ComplianceId } from "../knowledge/operations";
import { at, type Loose, textAt, textOf } from "./lenient";
import type { ProjectModel, Provenance, Sourced } from "./model";
import { regionsIn } from "./resolve-platform";
import {
	chosenSentences,
	chosenStrings,
	clean,
	type Doc,
	firstAt,
	NOT_CHOSEN_TEXT,
	numberOf,
	prov,
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
export function constraintTexts(docs: ProjectDocs): { text: string; from: Provenance }[] {
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
function budgetOf(
	texts: { text: string; from: Provenance }[],
): (Sourced<number> & { currency: "USD" | "EUR" | "GBP" }) | undefined {
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
		const sym = /^\s*([$€£]|usd|eur|gbp)/i.exec(m[0])?.[1]?.toLowerCase();
		const currency = sym === "€" || sym === "eur" ? "EUR" : sym === "£" || sym === "gbp" ? "GBP" : "USD";
		return { ...sourced(n, t.from), currency };
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
export function upstreamTexts(docs: ProjectDocs): { text: string; from: Provenance }[] {
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
