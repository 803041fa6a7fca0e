// Lenient reading of LLM-written JSON: text from loose values, placeholders recognised, lists from anything list-like.

export type Loose = unknown;

const PLACEHOLDER_PATTERNS: RegExp[] = [
	/^\[[^\]]*\]$/, // [tool], [timestamp]
	/^<[^>]*>$/, // <tool>
	/^\{\{[^}]*\}\}$/, // {{tool}}
	/^\$[A-Za-z_]*$/, // $X
	/^\$\{[^}]*\}$/, // ${VAR}
	/^(tbd|tba|todo|n\/?a|none yet|unknown|xxx+|\.\.\.|…|-|placeholder|value|name|tool)$/i,
];

/** True when a string is a template slot an LLM left unfilled. */
export function isPlaceholder(value: string): boolean {
	const t = value.trim();
	if (t === "") return true;
	return PLACEHOLDER_PATTERNS.some((re) => re.test(t));
}

/** Follows a key path through objects; undefined when any step is missing or not an object. */
export function at(value: Loose, ...keys: string[]): Loose {
	let cur: Loose = value;
	for (const key of keys) {
		if (cur === null || typeof cur !== "object" || Array.isArray(cur)) return undefined;
		if (!Object.hasOwn(cur, key)) return undefined;
		cur = (cur as Record<string, Loose>)[key];
	}
	return cur;
}

/** A usable string from a loose value: trimmed, not a placeholder; numbers and booleans become text. */
export function textOf(value: Loose): string | undefined {
	if (typeof value === "string") {
		const t = value.replace(/\s+/g, " ").trim();
		return t && !isPlaceholder(t) ? t : undefined;
	}
	if (typeof value === "number" && Number.isFinite(value)) return String(value);
	if (typeof value === "boolean") return String(value);
	if (Array.isArray(value)) {
		const parts = value.map(textOf).filter((v): v is string => v !== undefined);
		return parts.length ? parts.join(", ") : undefined;
	}
	return undefined;
}

/** Text at a key path. */
export function textAt(value: Loose, ...keys: string[]): string | undefined {
	return textOf(at(value, ...keys));
}

/** The first key of an object whose name matches, for fields LLMs spell in several ways. */
export function textAtAny(value: Loose, paths: string[][]): string | undefined {
	for (const p of paths) {
		const t = textAt(value, ...p);
		if (t) return t;
	}
	return undefined;
}

/** Items of a list (or of an object's values, when an LLM wrote a map where a list was expected). */
export function listOf(value: Loose): Loose[] {
	if (Array.isArray(value)) return value;
	if (value && typeof value === "object") return Object.values(value as Record<string, Loose>);
	if (typeof value === "string" && value.trim()) return [value];
	return [];
}

/** A decision / assumption / question as one line of text, from a string or a small object. */
export function noteText(value: Loose, preferredKeys: string[]): string | undefined {
	const direct = textOf(value);
	if (direct !== undefined && typeof value !== "object") return direct;
	if (value && typeof value === "object" && !Array.isArray(value)) {
		for (const key of preferredKeys) {
			const t = textAt(value, key);
			if (t) {
				const why = textAt(value, "rationale") ?? textAt(value, "reason") ?? textAt(value, "why");
				return why && key !== "rationale" ? `${t} (${why})` : t;
			}
		}
		const first = Object.values(value as Record<string, Loose>)
			.map(textOf)
			.find(Boolean);
		return first;
	}
	return direct;
}

/** Every string in a JSON value, for keyword detection across loosely shaped handoffs. */
export function allStrings(value: Loose, limit = 5000): string[] {
	const out: string[] = [];
	const stack: Loose[] = [value];
	while (stack.length && out.length < limit) {
		const cur = stack.pop();
		if (typeof cur === "string") out.push(cur);
		else if (Array.isArray(cur)) stack.push(...cur);
		else if (cur && typeof cur === "object") {
			for (const [k, v] of Object.entries(cur as Record<string, Loose>)) {
				out.push(k);
				stack.push(v);
			}
		}
	}
	return out;
}

/** Placeholders left in a value, with their paths (for the pre-flight report). */
export function findPlaceholders(
	value: Loose,
	prefix = "",
	out: { path: string; value: string }[] = [],
): { path: string; value: string }[] {
	if (out.length >= 20) return out;
	if (typeof value === "string") {
		if (value.trim() !== "" && isPlaceholder(value)) out.push({ path: prefix || "(top level)", value });
		else if (/\[(tool|time|timestamp|frequency|count|estimated count|name|value|x)\]|\$X\b/i.test(value))
			out.push({ path: prefix || "(top level)", value });
	} else if (Array.isArray(value)) {
		value.forEach((v, i) => {
			findPlaceholders(v, `${prefix}[${i}]`, out);
		});
	} else if (value && typeof value === "object") {
		for (const [k, v] of Object.entries(value as Record<string, Loose>)) {
			findPlaceholders(v, prefix ? `${prefix}.${k}` : k, out);
		}
	}
	return out;
}

/** A percentage or plain number out of text like "80%", "≥ 80 %", "0.8". */
export function percentOf(value: Loose): number | undefined {
	const t = textOf(value);
	if (!t) return undefined;
	const m = /(\d+(?:\.\d+)?)\s*%/.exec(t) ?? /^\s*(?:>=|≥|>)?\s*(\d+(?:\.\d+)?)\s*$/.exec(t);
	if (!m) return undefined;
	let n = Number(m[1]);
	if (!t.includes("%") && n > 0 && n <= 1) n *= 100;
	return n >= 0 && n <= 100 ? n : undefined;
}
