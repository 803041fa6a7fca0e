// `genesis-tui status`: which Genesis sections have a readable handoff and what comes next (section numbers as numbers, so 08 and 09 work).

import { existsSync } from "node:fs";
import path from "node:path";
import { readProjectFile } from "../io/fsread";
import { parseJson } from "../io/json";
import { findHandoffBySection, projectPaths } from "../io/project";
import { sanitizeInline } from "../io/sanitize";
import { textAt } from "./lenient";

export const SECTION_NAMES = [
	"Initialization",
	"Introduction",
	"Product Requirements",
	"Technology Stack",
	"Process Flowcharts",
	"Architecture & Design",
	"Data Models & Schema",
	"Security & Compliance",
	"Testing Strategy",
	"Monitoring & Observability",
	"Deployment & Operations",
	"Documentation & Knowledge",
	"Raindrop.io Collections",
];

export type SectionStatus = "complete" | "pending" | "error";

export interface StatusReport {
	root: string;
	project?: string;
	started?: string;
	sections: { number: number; name: string; status: SectionStatus; file?: string; problem?: string }[];
	finalCompiled: boolean;
	next?: { number: number; name: string; command: string };
}

export function projectStatus(cwd: string): StatusReport {
	const paths = projectPaths(cwd);
	const sections: StatusReport["sections"] = [];
	let project: string | undefined;
	let started: string | undefined;
	for (let n = 0; n <= 12; n++) {
		const file = findHandoffBySection(paths.handoffsDir, n);
		const name = SECTION_NAMES[n]!;
		if (!file) {
			sections.push({ number: n, name, status: "pending" });
			continue;
		}
		const relFile = path.relative(paths.root, file);
		const read = readProjectFile(paths.root, file);
		if (read.kind !== "ok") {
			sections.push({
				number: n,
				name,
				status: "error",
				file: relFile,
				problem: read.kind === "missing" ? "missing" : read.reason,
			});
			continue;
		}
		const parsed = parseJson(read.text);
		if (!parsed.ok) {
			sections.push({
				number: n,
				name,
				status: "error",
				file: relFile,
				problem: `invalid JSON at line ${parsed.line}, column ${parsed.column}`,
			});
			continue;
		}
		if (n === 0) {
			project = textAt(parsed.value, "project_name") ?? textAt(parsed.value, "project");
			started =
				textAt(parsed.value, "created_at") ??
				textAt(parsed.value, "started_at") ??
				textAt(parsed.value, "completed_at");
		}
		sections.push({ number: n, name, status: "complete", file: relFile });
	}
	const finalCompiled = existsSync(
		path.join(paths.root, "genesis_output", "final", "technical_specification.md"),
	);
	const firstOpen = sections.find((s) => s.number > 0 && s.status !== "complete");
	const next = firstOpen
		? {
				number: firstOpen.number,
				name: firstOpen.name,
				command:
					firstOpen.number === 10
						? "npx genesis-tui"
						: `/genesis-section-${String(firstOpen.number).padStart(2, "0")}`,
			}
		: undefined;
	return {
		root: paths.root,
		project: project && sanitizeInline(project),
		started: started && sanitizeInline(started),
		sections,
		finalCompiled,
		next,
	};
}

export function formatStatus(r: StatusReport): string {
	const mark = { complete: "✓", pending: "○", error: "✗" } as const;
	const lines = [
		"=========================================",
		"         GENESIS PROJECT STATUS",
		"=========================================",
		"",
	];
	lines.push(`Project: ${r.project ?? path.basename(r.root)}`);
	if (r.started) lines.push(`Started: ${r.started}`);
	lines.push("", "SECTIONS:", "  ✓ = Complete    ○ = Pending    ✗ = Error", "");
	for (const s of r.sections) {
		const label = `[${String(s.number).padStart(2, "0")}] ${s.name} `;
		lines.push(
			`${label.padEnd(37, ".")} ${mark[s.status]}${s.problem ? `  (${sanitizeInline(s.file ?? "")}: ${sanitizeInline(s.problem)})` : ""}`,
		);
	}
	lines.push(
		"",
		`FINAL COMPILATION: ${r.finalCompiled ? "✓" : "○"}`,
		"",
		"=========================================",
	);
	if (r.next) {
		lines.push(
			`NEXT STEP: Section ${String(r.next.number).padStart(2, "0")}: ${r.next.name}`,
			`COMMAND: ${r.next.command}`,
		);
	} else {
		lines.push(
			r.finalCompiled
				? "NEXT STEP: nothing left: the specification is compiled"
				: "NEXT STEP: compile the final specification",
		);
		if (!r.finalCompiled) lines.push("COMMAND: ./genesis_orchestrator.sh --compile");
	}
	lines.push("=========================================");
	return lines.join("\n");
}
