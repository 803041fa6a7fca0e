// Findings an agent returns: the last fenced JSON block of its output, checked with zod, made safe for files.

import * as z from "zod";
import "../io/zod-setup";
import { parseJson } from "../io/json";
import { sanitizeForFile } from "../io/sanitize";
import type { TaskFindings, TaskId } from "./types";

const Url = z.string().regex(/^https?:\/\/[^\s<>"]+$/);
/** A date the source was checked on; an unreadable one is dropped rather than failing the whole block. */
const Checked = z
	.string()
	.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
	.optional()
	.catch(undefined);
/** A source: its URL and the date it was checked, or (the earlier shape) the URL alone. */
const Source = z.union([
	Url.transform((url) => ({ url, checked: undefined })),
	z.object({ url: Url, checked: Checked }),
]);

export const AgentFindingsSchema = z.object({
	recommendation: z.object({ value: z.string().min(1).max(60), rationale: z.string().max(2000).default("") }),
	alternatives: z
		.array(z.object({ value: z.string().min(1).max(60), tradeoff: z.string().max(1000).default("") }))
		.max(12)
		.default([]),
	facts: z
		.array(z.object({ text: z.string().min(1).max(1000), sources: z.array(Source).max(8).default([]) }))
		.max(60)
		.default([]),
});

export type ParsedFindings = { ok: true; findings: TaskFindings } | { ok: false; reason: string };

const clean = (s: string) => sanitizeForFile(s).replace(/\s+/g, " ").trim();

/** Finds the last ```json fenced block in the output and validates it. */
export function parseAgentFindings(task: TaskId, backend: string, output: string): ParsedFindings {
	const blocks = [...output.matchAll(/```json\s*\n([\s\S]*?)\n\s*```/g)];
	const last = blocks.at(-1);
	if (!last) return { ok: false, reason: "no ```json findings block at the end of the output" };
	const parsed = parseJson(last[1]!);
	if (!parsed.ok)
		return {
			ok: false,
			reason: `the findings block is not valid JSON (line ${parsed.line}, column ${parsed.column}: ${parsed.reason})`,
		};
	return checkAgentFindings(task, backend, parsed.value);
}

/** Findings in the agents' shape, checked against its caps and made safe: agent output and saved sessions alike. */
export function checkAgentFindings(task: TaskId, backend: string, value: unknown): ParsedFindings {
	const checked = AgentFindingsSchema.safeParse(value);
	if (!checked.success) {
		const first = checked.error.issues[0]!;
		return {
			ok: false,
			reason: `the findings block does not match the expected shape (at ${first.path.join(".") || "top level"}: ${first.code})`,
		};
	}
	const f = checked.data;
	return {
		ok: true,
		findings: {
			task,
			backend,
			recommendation: { value: clean(f.recommendation.value), rationale: clean(f.recommendation.rationale) },
			alternatives: f.alternatives.map((a) => ({ value: clean(a.value), tradeoff: clean(a.tradeoff) })),
			facts: f.facts.map((x) => {
				const checked = Object.fromEntries(x.sources.flatMap((s) => (s.checked ? [[s.url, s.checked]] : [])));
				return {
					text: clean(x.text),
					sourceIds: [],
					urls: x.sources.map((s) => s.url),
					...(Object.keys(checked).length ? { checked } : {}),
				};
			}),
		},
	};
}
