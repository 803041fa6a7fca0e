// zod schemas: the expected shape of the input handoffs (checked leniently, issues become notes). The strict schema of
// the handoff this tool writes is in handoff.ts.

import * as z from "zod";
import "../io/zod-setup";
import { sanitizeInline } from "../io/sanitize";
import type { HandoffId, ShapeCheck } from "./preflight";

/** Scalars LLMs write for text: strings, and numbers or booleans that should have been strings. */
const text = z.union([z.string(), z.number(), z.boolean()]);
const textList = z.array(z.union([text, z.looseObject({})]));
/** decisions_made / assumptions / open_questions: strings or small objects. */
const notes = z.array(z.union([text, z.looseObject({})]));

export const Handoff03Schema = z.looseObject({
	section_number: z.union([z.number(), z.string()]).optional(),
	section_name: z.string().optional(),
	key_outputs: z
		.looseObject({
			frontend_stack: z.looseObject({ framework: text.optional(), styling: text.optional() }).optional(),
			backend_stack: z
				.looseObject({
					runtime: text.optional(),
					framework: text.optional(),
					additional: textList.optional(),
				})
				.optional(),
			database_stack: z
				.looseObject({
					primary: z.union([text, z.looseObject({}), textList]).optional(),
					cache: z.union([text, z.looseObject({}), z.null()]).optional(),
					client: z.union([text, z.looseObject({}), z.null()]).optional(),
				})
				.optional(),
			infrastructure: z
				.looseObject({
					frontend_hosting: z.union([text, z.looseObject({})]).optional(),
					backend_hosting: z.union([text, z.looseObject({})]).optional(),
					ci_cd: z.union([text, z.looseObject({}), textList]).optional(),
				})
				.optional(),
		})
		.optional(),
	decisions_made: notes.optional(),
	assumptions: notes.optional(),
	open_questions: notes.optional(),
});

export const Handoff08Schema = z.looseObject({
	section_number: z.union([z.number(), z.string()]).optional(),
	key_outputs: z
		.looseObject({
			testing_frameworks: z.looseObject({}).optional(),
			coverage_targets: z.looseObject({}).optional(),
		})
		.optional(),
	quality_gates: z
		.array(
			z.union([
				z.looseObject({
					gate: text.optional(),
					threshold: z.union([text, z.looseObject({})]).optional(),
					blocking: z.union([z.boolean(), z.string()]).optional(),
				}),
				text,
			]),
		)
		.optional(),
	decisions_made: notes.optional(),
	assumptions: notes.optional(),
	open_questions: notes.optional(),
});

export const Handoff09Schema = z.looseObject({
	section_number: z.union([z.number(), z.string()]).optional(),
	key_outputs: z
		.looseObject({
			monitoring_stack: z.looseObject({}).optional(),
			ai_observability: z.union([text, z.null()]).optional(),
		})
		.optional(),
	metrics_defined: z.array(z.union([z.looseObject({ name: text.optional() }), text])).optional(),
	alerts_defined: z
		.array(
			z.union([
				z.looseObject({
					name: text.optional(),
					condition: z.union([text, z.looseObject({})]).optional(),
					severity: text.optional(),
				}),
				text,
			]),
		)
		.optional(),
	dashboards: textList.optional(),
	decisions_made: notes.optional(),
	assumptions: notes.optional(),
	open_questions: notes.optional(),
});

/** handoff_00_init.json as genesis-init and genesis write it: constraints may be text or an object. */
export const Handoff00Schema = z.looseObject({
	project: z
		.looseObject({
			name: text.optional(),
			description: text.optional(),
			constraints: z.union([text, z.looseObject({}), textList]).optional(),
		})
		.optional(),
	technology_decisions: z
		.array(z.union([z.looseObject({ component: text.optional(), choice: text.optional() }), text]))
		.optional(),
	intake_summary: z.looseObject({}).optional(),
	global_context: z.looseObject({}).optional(),
});

/** Handoffs 02, 05 and 07 are read for a few fields only; any object will do. */
const OptionalHandoffSchema = z.looseObject({
	section_number: z.union([z.number(), z.string()]).optional(),
	key_outputs: z.looseObject({}).optional(),
	decisions_made: notes.optional(),
	assumptions: notes.optional(),
	open_questions: notes.optional(),
});

/** A zod issue as a plain note: "key_outputs.infrastructure: expected an object, found a string". */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): { path: string; message: string } {
	const pathText = issue.path
		.map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
		.join(".")
		.replace(/\.\[/g, "[");
	let found: unknown = value;
	for (const p of issue.path) {
		found =
			found && typeof found === "object"
				? (found as Record<PropertyKey, unknown>)[p as PropertyKey]
				: undefined;
	}
	const kind = Array.isArray(found)
		? "a list"
		: found === null
			? "null"
			: typeof found === "object"
				? "an object"
				: `a ${typeof found}`;
	let message: string;
	if (issue.code === "invalid_type") message = `expected ${article(issue.expected)}, found ${kind}; ignored`;
	else if (issue.code === "invalid_union") message = `has an unexpected shape (${kind}); ignored`;
	else message = "has an unexpected value; ignored";
	return { path: pathText || "(top level)", message };
}

function article(expected: string): string {
	if (expected === "object") return "an object";
	if (expected === "array") return "a list";
	return `a ${expected}`;
}

const SCHEMAS: Record<HandoffId, z.ZodType> = {
	handoff00: Handoff00Schema,
	handoff02: OptionalHandoffSchema,
	handoff05: OptionalHandoffSchema,
	handoff07: OptionalHandoffSchema,
	handoff03: Handoff03Schema,
	handoff08: Handoff08Schema,
	handoff09: Handoff09Schema,
};

/** The pre-flight notes on a handoff's shape: its first ten issues, each as "path message". */
export const shapeNotes: ShapeCheck = (id, value) => {
	const check = SCHEMAS[id].safeParse(value);
	if (check.success) return [];
	const notes = check.error.issues.slice(0, 10).map((issue) => {
		const d = describeIssue(issue, value);
		return `${sanitizeInline(d.path)} ${d.message}`;
	});
	if (check.error.issues.length > 10) notes.push(`…and ${check.error.issues.length - 10} more`);
	return notes;
};
