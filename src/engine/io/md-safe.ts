// Markdown safety for text we did not write (handoffs, answers, agent findings): no live HTML, links only to http(s).
// The writers' shared helpers use it, and every generated document passes through mdSafe() last, so the guarantee holds
// whatever a renderer composes.

/** Characters that could end a link target or start Markdown inside it, percent-encoded. */
const URL_RISKY = /[()[\]<>"'`\s\\|*_{}^]/g;

function percent(c: string): string {
	return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
}

/** The URL, encoded for a Markdown link target; undefined unless it is an absolute http(s) URL. */
export function safeUrl(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url.trim());
	} catch {
		return undefined;
	}
	if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
	return parsed.href.replace(URL_RISKY, percent);
}

/** A code fence longer than any backtick run in `body`, so nothing in it can close the fence. */
export function fenceFor(body: string): string {
	const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
	return "`".repeat(Math.max(3, longest + 1));
}

/** Untrusted text for prose or a table: Markdown and HTML punctuation escaped, one line. */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/\r?\n/g, " ")
		.replace(/[\\`*_[\]<>|#!~&]/g, (c) =>
			c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : `\\${c}`,
		);
}

/** A link to an http(s) URL with untrusted text; anything else becomes the text alone. */
export function safeLink(text: string, url: string): string {
	const target = safeUrl(url);
	return target ? `[${escapeMarkdown(text)}](${target})` : escapeMarkdown(text);
}

/** A link target we keep: http(s), an anchor, or a relative path with no scheme and no entity. */
function allowedTarget(target: string): boolean {
	const t = target.replace(/^\s*<?\s*/, "");
	if (/^https?:\/\//i.test(t)) return true;
	if (t.startsWith("#")) return true;
	const head = t.split(/[/?#]/, 1)[0] ?? "";
	return !/[:&%\\]/.test(head) && !/^\s*$/.test(t);
}

/**
 * Breaks every `](` whose target is not allowed. A target is looked at, not consumed, so a `](` inside it is judged as a
 * link of its own; breaking one changes the target of a `](` before it, so this runs until nothing changes.
 */
function breakLinks(text: string): string {
	for (let prev = ""; prev !== text; ) {
		prev = text;
		text = text.replace(/\]\((?=([^)\s]*))/g, (whole, target: string) =>
			allowedTarget(target) ? whole : "]\\(",
		);
	}
	return text;
}

/** Escapes what is live in one piece of prose (no code inside): tag-like `<`, and links to anything but http(s). */
function safeProse(text: string): string {
	// An autolink stays a link when its URL is http(s), encoded; any other <…> is shown as text.
	const tags = text.replace(/<([^<>\s]*)>?/g, (whole, inner: string) => {
		if (/^https?:\/\//i.test(inner) && whole.endsWith(">")) {
			const url = safeUrl(inner);
			if (url) return `<${url}>`;
		}
		return /^[A-Za-z/!?]/.test(inner) ? `&lt;${whole.slice(1)}` : whole;
	});
	// [text](target): a target that is not http(s), an anchor or a plain relative path loses its link; then
	// [label]: target definitions, likewise.
	return breakLinks(tags).replace(
		/^(\s{0,3})\[([^\]]*)\]:(\s*)(\S*)/,
		(whole, sp, label, gap, target: string) =>
			allowedTarget(target) ? whole : `${sp}\\[${label}\\]:${gap}${target}`,
	);
}

/**
 * One line as prose and code-span pieces, the way CommonMark reads them: a code span opens at a maximal backtick run
 * (not after a backslash) and closes at the next run of the same length; an unmatched run is literal text. Cells are
 * read apart (GFM splits a table row first), so a span never crosses an unescaped pipe.
 */
export function codeSpans(line: string): { code: boolean; text: string }[] {
	// Any line with a pipe may be a table row (even without a leading pipe): read its cells apart, to be safe.
	if (/(?<!\\)\|/.test(line)) {
		const cells = line.split(/(?<!\\)(\|)/);
		if (cells.length > 1)
			return cells.flatMap((c) => (c === "|" ? [{ code: false, text: c }] : codeSpans(c)));
	}
	const out: { code: boolean; text: string }[] = [];
	let prose = "";
	let i = 0;
	while (i < line.length) {
		const c = line[i]!;
		if (c === "\\" && i + 1 < line.length) {
			prose += line.slice(i, i + 2);
			i += 2;
			continue;
		}
		if (c !== "`") {
			// The run up to the next backslash or backtick, in one slice.
			let end = i + 1;
			while (end < line.length && line[end] !== "`" && line[end] !== "\\") end++;
			prose += line.slice(i, end);
			i = end;
			continue;
		}
		let n = 1;
		while (line[i + n] === "`") n++;
		let close = -1;
		for (let j = i + n; j < line.length; ) {
			if (line[j] !== "`") {
				j++;
				continue;
			}
			let m = 1;
			while (line[j + m] === "`") m++;
			if (m === n) {
				close = j;
				break;
			}
			j += m;
		}
		if (close === -1) {
			prose += "`".repeat(n);
			i += n;
			continue;
		}
		if (prose) out.push({ code: false, text: prose });
		prose = "";
		out.push({ code: true, text: line.slice(i, close + n) });
		i = close + n;
	}
	if (prose) out.push({ code: false, text: prose });
	return out;
}

/** One line outside fenced code (exported for table cells): code spans are left alone, prose made inert. */
export function safeLine(line: string): string {
	// What safeProse changes needs a `<` or a `]`; a line with neither is already inert, code spans or not.
	if (!line.includes("<") && !line.includes("]")) return line;
	return codeSpans(line)
		.map((p) => (p.code ? p.text : safeProse(p.text)))
		.join("");
}

/** Calls `visit` with the index of every line outside fenced code blocks. */
function forProseLines(lines: string[], visit: (index: number) => void): void {
	let fence: { char: string; len: number } | undefined;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
		if (fence) {
			if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len && /^ {0,3}[`~]+\s*$/.test(line))
				fence = undefined;
			continue;
		}
		if (m && !(m[1]![0] === "`" && line.slice(m.index + m[1]!.length).includes("`"))) {
			fence = { char: m[1]![0]!, len: m[1]!.length };
			continue;
		}
		visit(i);
	}
}

/**
 * A whole Markdown document made inert where it could be live: outside fenced code, tag-like `<` becomes `&lt;`
 * and link targets other than http(s), anchors and relative paths are broken. Text in fences and code spans is kept.
 */
export function mdSafe(doc: string): string {
	const lines = doc.split("\n");
	forProseLines(lines, (i) => {
		lines[i] = safeLine(lines[i]!);
	});
	return lines.join("\n");
}

/** Live HTML tags and links to anything but http(s) outside code, as a list of problems (what the tests assert). */
export function liveMarkdownProblems(doc: string): string[] {
	const problems: string[] = [];
	const lines = doc.split("\n");
	forProseLines(lines, (i) => {
		const prose = codeSpans(lines[i]!)
			.map((p) => (p.code ? " " : p.text))
			.join("");
		for (const tag of prose.match(/<[A-Za-z/!?][^>]*>?/g) ?? [])
			if (!/^<https?:\/\/[^\s<>()[\]]*>$/i.test(tag)) problems.push(`live tag ${tag.slice(0, 40)}`);
		for (const t of prose.matchAll(/(?<!\\)\]\(([^)\s]*)/g))
			if (!allowedTarget(t[1]!)) problems.push(`link to ${t[1]!.slice(0, 40)}`);
	});
	return problems;
}
