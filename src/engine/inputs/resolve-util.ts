// Shared helpers of the resolver: the inputs as documents, provenance, walking the "chosen" part of a handoff (never
// its alternatives, rejected options or rationale), and template-object detection.

import { sanitizeForFile } from "../io/sanitize";
import { at, isPlaceholder, type Loose, textOf } from "./lenient";
import type { Provenance, Sourced } from "./model";

/** One input: its path relative to the root, and its parsed JSON (handoffs) or text (sections). */
export interface Doc {
	file: string;
	data?: unknown;
	text?: string;
}

export function prov(doc: Doc, path: string | undefined, confidence: Provenance["confidence"]): Provenance {
	return path ? { file: doc.file, path, confidence } : { file: doc.file, confidence };
}

export function sourced<T>(value: T, from: Provenance): Sourced<T> {
	return { value, from };
}

/** Keys whose values are not the choice: alternatives, rejected options, reasons, risks, questions. */
export const NOT_CHOSEN_KEY =
	/alternative|rejected|considered|rationale|reason|justification|risk|mitigation|trade_?offs?|open_questions?|^why$|^cons$|^pros$|evaluat|^notes?$|previous|legacy|^was$|migrat(ed|ion)_from|replaced|deprecated/i;

/** A sentence that talks about an option not taken. */
export const NOT_CHOSEN_TEXT =
	/\b(rejected|instead of|rather than|alternatives?|considered|not chosen|ruled out|under evaluation|evaluated|was replaced|replac(es|ing)|migrat(e|ing) (away )?from|retir(e|ing|ed)|legacy|previously|deprecated|would (need|require|bring|split|add)|revisit)\b/i;

export interface Found {
	text: string;
	path: string;
}

/** Every string in the chosen part of a JSON value, with its JSON path; keys that are not the choice are skipped. */
export function chosenStrings(value: Loose, prefix = "", out: Found[] = []): Found[] {
	if (out.length > 4000) return out;
	if (typeof value === "string") {
		if (value.trim()) out.push({ text: value, path: prefix || "(top level)" });
	} else if (Array.isArray(value)) {
		value.forEach((v, i) => {
			chosenStrings(v, `${prefix}[${i}]`, out);
		});
	} else if (value && typeof value === "object") {
		for (const [k, v] of Object.entries(value as Record<string, Loose>)) {
			if (NOT_CHOSEN_KEY.test(k)) continue;
			chosenStrings(v, prefix ? `${prefix}.${k}` : k, out);
		}
	}
	return out;
}

/** Sentences of free text that do not speak of an option not taken, with their line numbers. */
export function chosenSentences(text: string | undefined): Found[] {
	if (!text) return [];
	const out: Found[] = [];
	const lines = text.split("\n");
	lines.forEach((line, i) => {
		for (const sentence of line.split(/(?<=[.;!?])\s+/)) {
			if (
				sentence.trim() &&
				!NOT_CHOSEN_TEXT.test(sentence) &&
				!/^\s*\|?\s*(alternative|rejected)/i.test(line)
			)
				out.push({ text: sentence, path: `line ${i + 1}` });
		}
	});
	return out;
}

/** Labels of options the inputs rejected or only considered, with where they were found. */
export function rejectedLabels(value: Loose, prefix = "", out: Found[] = []): Found[] {
	if (Array.isArray(value)) {
		value.forEach((v, i) => {
			rejectedLabels(v, `${prefix}[${i}]`, out);
		});
	} else if (value && typeof value === "object") {
		for (const [k, v] of Object.entries(value as Record<string, Loose>)) {
			const p = prefix ? `${prefix}.${k}` : k;
			if (/alternative|rejected|considered/i.test(k)) {
				const items = Array.isArray(v) ? v : [v];
				items.forEach((item, i) => {
					const label =
						typeof item === "string"
							? item
							: (textOf(at(item, "option")) ??
								textOf(at(item, "name")) ??
								textOf(at(item, "alternative")) ??
								textOf(at(item, "choice")));
					if (label) out.push({ text: label, path: Array.isArray(v) ? `${p}[${i}]` : p });
				});
			} else rejectedLabels(v, p, out);
		}
	}
	return out;
}

/** Words upstream templates use as example values; an object made of them is a template left unfilled. */
const TEMPLATE_VALUES = new Set(
	[
		"alert_name",
		"metric_name",
		"threshold",
		"critical/warning",
		"counter/gauge/histogram",
		"name",
		"value",
		"description",
		"purpose",
		"tool",
		"dashboard 1",
		"dashboard 2",
		"component 1",
		"component 2",
		"pattern 1",
		"pattern 2",
		"gate",
		"condition",
		"severity",
		"metric",
		"what was decided",
		"why",
		"sync/async",
		"required",
		"how",
	].map((s) => s.toLowerCase()),
);

function isTemplateValue(v: Loose): boolean {
	if (typeof v !== "string") return false;
	const t = v.trim().toLowerCase();
	return isPlaceholder(v) || TEMPLATE_VALUES.has(t) || /^\[[^\]]*\]$/.test(t) || /^x+$/.test(t);
}

/**
 * True when a list item is an upstream template example left unfilled: an object whose text values are all template
 * words or placeholders (`{name: alert_name, condition: threshold, severity: critical/warning}`), or such a string.
 */
export function isTemplateItem(item: Loose): boolean {
	if (typeof item === "string") return isTemplateValue(item);
	if (!item || typeof item !== "object" || Array.isArray(item)) return false;
	const values = Object.values(item as Record<string, Loose>).filter(
		(v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean",
	);
	const texts = values.filter((v): v is string => typeof v === "string");
	if (texts.length === 0) return false;
	return texts.every(isTemplateValue);
}

/** The first of several key paths whose value is present (not null/undefined), with the path used. */
export function firstAt(value: Loose, paths: string[][]): { value: Loose; path: string } | undefined {
	for (const p of paths) {
		const v = at(value, ...p);
		if (v !== undefined && v !== null && v !== "") return { value: v, path: p.join(".") };
	}
	return undefined;
}

/** A loose value as one line of text: strings as they are, objects as their text values joined. */
export function flatText(value: Loose): string | undefined {
	if (typeof value === "string") return textOf(value);
	if (value && typeof value === "object") {
		const parts = chosenStrings(value).map((f) => f.text);
		return parts.length ? parts.join("; ") : undefined;
	}
	return textOf(value);
}

/** Text from an input, made safe for files, on one line, at most 160 characters (as summary.ts's cleanText). */
export function clean(text: string | undefined): string | undefined {
	if (text === undefined) return undefined;
	const t = sanitizeForFile(text).replace(/\s+/g, " ").trim();
	return t.length > 160 ? `${t.slice(0, 159)}…` : t;
}

/** "none", "n/a", "no Redis", "None today - …": the inputs say there is none. */
export function saysNone(text: string | undefined): boolean {
	if (!text) return false;
	return /^\s*(none|n\/?a|no|not (used|applicable)|null|-)\b/i.test(text);
}

/** The earliest match among several patterns in a text: the option named first in a structured field. */
export function earliest<T>(text: string, options: { id: T; re: RegExp }[]): T | undefined {
	let best: { id: T; index: number } | undefined;
	for (const o of options) {
		const m = o.re.exec(text);
		if (m && (best === undefined || m.index < best.index)) best = { id: o.id, index: m.index };
	}
	return best?.id;
}

const NUMBER_WORDS: Record<string, number> = {
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	a: 1,
	single: 1,
	solo: 1,
};

export function numberOf(word: string): number | undefined {
	const n = Number(word.replace(/,/g, ""));
	if (Number.isFinite(n)) return n;
	return NUMBER_WORDS[word.toLowerCase()];
}

/** A lower-case slug for commands and resource names (`kubectl rollout undo deployment/<slug>`). */
export function slug(name: string): string {
	const s = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "")
		.slice(0, 40)
		.replace(/-+$/, "");
	return s || "app";
}
