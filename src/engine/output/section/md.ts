// Small Markdown builders: tables, lists, code fences, Mermaid-safe labels.

/** A table cell: one line, pipes escaped. */
export function cell(text: string): string {
	return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|").trim();
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
	const fence = body.includes("```") ? "~~~~" : "```";
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
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}

/** Inline code that survives backticks in the content. */
export function inlineCode(text: string): string {
	return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

export function join(...blocks: (string | undefined | false)[]): string {
	return blocks.filter((b): b is string => typeof b === "string" && b.length > 0).join("\n\n");
}
