// Pre-flight: reads the three handoffs, the guide and two earlier sections, and reports each as found, missing or invalid.

import { existsSync, statSync } from "node:fs";
import { readProjectFile } from "../io/fsread";
import { parseJson } from "../io/json";
import { findGuide, type ProjectPaths, rel } from "../io/project";
import { sanitizeInline } from "../io/sanitize";
import { findPlaceholders } from "./lenient";

export type InputId = HandoffId | "guide" | "section03" | "section09";

export type InputState = "found" | "missing" | "invalid";

export interface InputReport {
	id: InputId;
	label: string;
	/** Path relative to the project root (sanitised for display). */
	file: string;
	state: InputState;
	/** One line: what was learned (found), what will be assumed (missing), what is wrong (invalid). */
	summary: string;
	/** Field-level notes: placeholders, wrong types, missing keys. */
	notes: string[];
	sha256?: string;
	/** An input that enriches the section when present (handoffs 00, 02, 05, 07); listed only when found or invalid. */
	optional?: boolean;
	/** Parsed JSON (handoffs) or text (guide, sections) when found. */
	data?: unknown;
	text?: string;
}

export interface ExistingOutput {
	file: string;
	bytes: number;
	modified: string;
}

export interface PreflightReport {
	root: string;
	isGenesisProject: boolean;
	inputs: InputReport[];
	existingOutputs: ExistingOutput[];
	/** Whether the handoffs' shapes were checked (their notes are in); the first screen is drawn before they are. */
	shapesChecked: boolean;
}

export type HandoffId =
	| "handoff00"
	| "handoff02"
	| "handoff03"
	| "handoff05"
	| "handoff07"
	| "handoff08"
	| "handoff09";

/** Notes on a parsed handoff's shape (wrong types, unexpected values), from schemas.ts. */
export type ShapeCheck = (id: HandoffId, value: object) => string[];

const HANDOFFS: {
	id: HandoffId;
	label: string;
	expected: string[][];
	assumed: string;
	optional?: boolean;
}[] = [
	{
		id: "handoff00",
		label: "Project (handoff 00)",
		expected: [],
		assumed: "the folder's name as the project's name, and no stated constraints",
		optional: true,
	},
	{
		id: "handoff02",
		label: "Product requirements (handoff 02)",
		expected: [],
		assumed: "no non-functional requirements beyond those in the later handoffs",
		optional: true,
	},
	{
		id: "handoff03",
		label: "Technology stack (handoff 03)",
		expected: [
			["key_outputs", "infrastructure"],
			["key_outputs", "database_stack"],
			["key_outputs", "backend_stack"],
		],
		assumed: "a containerised Node.js service with PostgreSQL on a PaaS, and GitHub Actions",
	},
	{
		id: "handoff05",
		label: "Architecture (handoff 05)",
		expected: [],
		assumed: "the services handoff 03 names",
		optional: true,
	},
	{
		id: "handoff07",
		label: "Security & compliance (handoff 07)",
		expected: [],
		assumed: "the compliance regimes the other inputs name",
		optional: true,
	},
	{
		id: "handoff08",
		label: "Testing strategy (handoff 08)",
		expected: [["key_outputs", "coverage_targets"], ["quality_gates"]],
		assumed: "80% unit coverage and passing end-to-end tests as pipeline gates",
	},
	{
		id: "handoff09",
		label: "Monitoring & observability (handoff 09)",
		expected: [["key_outputs", "monitoring_stack"], ["alerts_defined"]],
		assumed: "error rate and p95 latency alerts from the platform's built-in metrics",
	},
];

function hasPath(value: unknown, keys: string[]): boolean {
	let cur = value;
	for (const k of keys) {
		if (!cur || typeof cur !== "object" || Array.isArray(cur) || !Object.hasOwn(cur, k)) return false;
		cur = (cur as Record<string, unknown>)[k];
	}
	return true;
}

function readHandoff(
	paths: ProjectPaths,
	spec: (typeof HANDOFFS)[number],
	summarize: (id: InputId, data: unknown) => string,
	shapes: ShapeCheck | undefined,
): InputReport {
	const abs = paths[spec.id];
	const file = sanitizeInline(rel(paths, abs));
	const base = { id: spec.id, label: spec.label, file, ...(spec.optional ? { optional: true } : {}) };
	const read = readProjectFile(paths.root, abs);
	if (read.kind === "missing")
		return { ...base, state: "missing", summary: `not found; assuming ${spec.assumed}`, notes: [] };
	if (read.kind === "unreadable")
		return { ...base, state: "invalid", summary: `cannot be read: ${read.reason}`, notes: [] };
	const parsed = parseJson(read.text);
	if (!parsed.ok) {
		return {
			...base,
			state: "invalid",
			summary: `not valid JSON at line ${parsed.line}, column ${parsed.column}: ${parsed.reason}; fix the file or delete it`,
			notes: [],
			sha256: read.sha256,
		};
	}
	const value = parsed.value;
	if (value === null || typeof value !== "object" || Array.isArray(value)) {
		return {
			...base,
			state: "invalid",
			summary: 'the top level is not a JSON object; expected {"section_number": …, "key_outputs": {…}}',
			notes: [],
			sha256: read.sha256,
		};
	}
	const notes: string[] = shapes ? shapes(spec.id, value) : [];
	for (const keys of spec.expected) {
		if (!hasPath(value, keys)) notes.push(`${keys.join(".")} is missing`);
	}
	for (const p of findPlaceholders(value).slice(0, 8)) {
		notes.push(
			`${sanitizeInline(p.path)} is a placeholder (${sanitizeInline(p.value, 40)}); treated as not given`,
		);
	}
	return {
		...base,
		state: "found",
		summary: summarize(spec.id, value),
		notes,
		sha256: read.sha256,
		data: value,
	};
}

function readText(
	paths: ProjectPaths,
	id: "guide" | "section03" | "section09",
	label: string,
	abs: string | undefined,
	assumed: string,
): InputReport {
	if (!abs) {
		return {
			id,
			label,
			file: "genesis_sources/section_guides/Genesis_Section_10_*.md",
			state: "missing",
			summary: `not found; ${assumed}`,
			notes: [],
		};
	}
	const file = sanitizeInline(rel(paths, abs));
	const read = readProjectFile(paths.root, abs);
	if (read.kind === "missing")
		return { id, label, file, state: "missing", summary: `not found; ${assumed}`, notes: [] };
	if (read.kind === "unreadable")
		return { id, label, file, state: "invalid", summary: `cannot be read: ${read.reason}`, notes: [] };
	const headings = read.text.split("\n").filter((l) => /^#{1,3} /.test(l)).length;
	return {
		id,
		label,
		file,
		state: "found",
		summary: `${read.text.split("\n").length} lines, ${headings} headings`,
		notes: [],
		sha256: read.sha256,
		text: read.text,
	};
}

/**
 * Reads every input. `summarize` turns a parsed handoff into its one-line "what was learned"; `shapes` adds notes on
 * each handoff's shape (left out for the first screen, added by withShapeNotes before anything uses the report).
 */
export function runPreflight(
	paths: ProjectPaths,
	summarize: (id: InputId, data: unknown) => string,
	shapes?: ShapeCheck,
): PreflightReport {
	const inputs: InputReport[] = HANDOFFS.map((spec) => readHandoff(paths, spec, summarize, shapes)).filter(
		(input) => !(input.optional && input.state === "missing"),
	);
	inputs.push(
		readText(
			paths,
			"guide",
			"Section 10 guide",
			findGuide(paths.guidesDir, 10),
			"the built-in Section 10 outline is used",
		),
	);
	inputs.push(
		readText(paths, "section03", "Section 03 text", paths.section03, "the handoff alone describes the stack"),
	);
	inputs.push(
		readText(
			paths,
			"section09",
			"Section 09 text",
			paths.section09,
			"the handoff alone describes monitoring",
		),
	);
	const existingOutputs: ExistingOutput[] = [];
	for (const abs of [paths.outputSection, paths.outputHandoff]) {
		if (existsSync(abs)) {
			try {
				const st = statSync(abs);
				existingOutputs.push({
					file: sanitizeInline(rel(paths, abs)),
					bytes: st.size,
					modified: st.mtime.toISOString(),
				});
			} catch {
				existingOutputs.push({ file: sanitizeInline(rel(paths, abs)), bytes: 0, modified: "" });
			}
		}
	}
	return {
		root: paths.root,
		isGenesisProject: paths.isGenesisProject,
		inputs,
		existingOutputs,
		shapesChecked: shapes !== undefined,
	};
}

/** The report with the handoffs' shape notes in, first among each handoff's notes (as runPreflight puts them). */
export function withShapeNotes(report: PreflightReport, shapes: ShapeCheck): PreflightReport {
	if (report.shapesChecked) return report;
	const inputs = report.inputs.map((input) => {
		const spec = HANDOFFS.find((h) => h.id === input.id);
		if (!spec || input.state !== "found" || !input.data || typeof input.data !== "object") return input;
		return { ...input, notes: [...shapes(spec.id, input.data), ...input.notes] };
	});
	return { ...report, inputs, shapesChecked: true };
}

/** A required input (always in the report). */
export function inputById(report: PreflightReport, id: InputId): InputReport {
	return report.inputs.find((i) => i.id === id)!;
}

/** An input that may be absent from the report (the optional handoffs are listed only when present). */
export function maybeInput(report: PreflightReport, id: InputId): InputReport | undefined {
	return report.inputs.find((i) => i.id === id);
}
