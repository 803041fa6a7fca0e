// Small Markdown builders: tables, lists, code fences, Mermaid-safe labels. Untrusted text goes through quote() or
// link(); cells are made inert as well, and the whole section passes mdSafe() once more when it is composed.

import { escapeMarkdown, fenceFor, safeLine, safeLink } from "../../io/md-safe";

/** A table cell: one line, pipes escaped, no live HTML tag or non-http(s) link. */
export function cell(text: string): string {
	return safeLine(text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|").trim());
}

/** Text we did not write (inputs, answers, agents) for prose or a cell: Markdown and HTML shown as typed. */
export function quote(text: string): string {
	return escapeMarkdown(text);
}

/** A link from untrusted text and URL: only http(s) URLs, encoded; otherwise the text alone. */
export function link(text: string, url: string): string {
	return safeLink(text, url);
}

export function table(headers: string[], rows: string[][]): string {
	const head = `| ${headers.map(cell).join(" | ")} |`;
	const sep = `| ${headers.map(() => "---").join(" | ")} |`;
	const body = rows.map((r) => `| ${r.map(cell).join(" | ")} |`);
	return [head, sep, ...body].join("\n");
}

export function bullets(items: string[]): string {
	return items.map((i) => `- ${i}`).join("\n");
}

export function numbered(items: string[]): string {
	return items.map((i, n) => `${n + 1}. ${i}`).join("\n");
}

export function code(lang: string, body: string): string {
	const fence = fenceFor(body);
	return `${fence}${lang}\n${body.replace(/\s+$/, "")}\n${fence}`;
}

/** A Mermaid node label: quotes and angle brackets would break the parser, so they are replaced. */
export function mermaidLabel(text: string): string {
	return text
		.replace(/"/g, "'")
		.replace(/[<>]/g, (c) => (c === "<" ? "below " : "above "))
		.replace(/[[\]{}|#;`]/g, " ")
		.replace(/\s+/g, " ")
		.trim();
}

/** Shortens at a word boundary with an ellipsis. */
export function shorten(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(" ");
	let out = space > max / 2 ? cut.slice(0, space) : cut;
	// A label never ends on a word that leads into the part cut off ("in a…", "and…"), nor inside parentheses.
	for (let prev = ""; prev !== out; ) {
		prev = out;
		if ((out.match(/\(/g) ?? []).length > (out.match(/\)/g) ?? []).length)
			out = out.slice(0, out.lastIndexOf("("));
		out = out
			.replace(/[\s,;:(]+$/, "")
			.replace(/\s+(a|an|the|and|or|of|in|on|per|to|with|by|for|from)$/i, "");
	}
	return `${out}…`;
}

/** Inline code that survives backticks in the content. */
export function inlineCode(text: string): string {
	return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

export function join(...blocks: (string | undefined | false)[]): string {
	return blocks.filter((b): b is string => typeof b === "string" && b.length > 0).join("\n\n");
}
