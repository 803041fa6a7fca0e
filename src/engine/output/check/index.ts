// `genesis-tui check`: a Section 10 file against the guide's checklist, the review checklist, the machine-detectable
// checks of the 22-check rubric and, when the project's inputs are at hand, against what the project really uses.

import { parseDoc } from "./doc";
import { RULES } from "./rules";
import { type CheckInputs, semanticResults } from "./semantic";
import type { CheckReport, CheckResult } from "./types";

export { checkMermaid, mermaidBlocks } from "./doc";
export { type CheckInputs, checkInputsOf } from "./semantic";
export type { CheckReport, CheckResult } from "./types";

export const RUBRIC_REQUIRED_SCORE = 19;

/** With `inputs` (the project the section was written for), the section is also read against what the project uses. */
export function checkSection(markdown: string, inputs?: CheckInputs): CheckReport {
	const doc = parseDoc(markdown);
	const results: CheckResult[] = RULES.map((r) => {
		const outcome = r.test(doc);
		return {
			id: r.id,
			group: r.group,
			label: r.label,
			required: r.required,
			passed: outcome === true,
			detail: outcome === true ? undefined : outcome,
		};
	});
	const rubric = results.filter((r) => r.group === "rubric");
	const rubricScore = rubric.filter((r) => r.passed).length;
	const scoreResult: CheckResult = {
		id: "SCORE",
		group: "rubric",
		label: `Rubric score at least ${RUBRIC_REQUIRED_SCORE} of 22`,
		required: true,
		passed: rubricScore >= RUBRIC_REQUIRED_SCORE,
		detail: rubricScore >= RUBRIC_REQUIRED_SCORE ? undefined : `${rubricScore} of 22`,
	};
	const all = [...results, scoreResult, ...(inputs ? semanticResults(markdown, inputs) : [])];
	const requiredFailed = all.filter((r) => r.required && !r.passed);
	return { results: all, rubricScore, rubricTotal: 22, requiredFailed, ok: requiredFailed.length === 0 };
}

export function formatCheckReport(report: CheckReport, file: string): string {
	const lines = [`Checking ${file}`, ""];
	for (const group of ["review", "guide", "rubric", "inputs"] as const) {
		const inGroup = report.results.filter((x) => x.group === group);
		if (inGroup.length === 0) continue;
		lines.push(
			group === "review"
				? "Review checklist"
				: group === "guide"
					? "Section guide checklist"
					: group === "rubric"
						? "Rubric (22 checks)"
						: "Against the project's inputs",
		);
		for (const r of inGroup) {
			lines.push(
				`  ${r.passed ? "✔" : r.required ? "✖" : "⚠"} ${r.id.padEnd(5)} ${r.label}${r.required ? "" : " (advisory)"}`,
			);
			if (r.detail) for (const d of r.detail.split("\n")) lines.push(`          ${d}`);
		}
		lines.push("");
	}
	lines.push(
		`Rubric: ${report.rubricScore}/22. ${report.ok ? "All required checks pass." : `${report.requiredFailed.length} required check${report.requiredFailed.length === 1 ? "" : "s"} failed.`}`,
	);
	return lines.join("\n");
}
