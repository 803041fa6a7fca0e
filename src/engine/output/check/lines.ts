// The section line by line, with the headings each line sits under and the language of the code block it is in.

export interface SectionLine {
	/** 1-based, as editors number lines. */
	n: number;
	text: string;
	/** The `##` heading above the line ("10.6 Disaster Recovery"). */
	h2: string;
	/** The `###` heading above the line, when there is one under the current `##`. */
	h3: string;
	/** The fence language when the line is inside a code block ("yaml", "bash", "" for a bare fence). */
	code?: string;
}

export function sectionLines(text: string): SectionLine[] {
	const out: SectionLine[] = [];
	let h2 = "";
	let h3 = "";
	let fence: string | undefined;
	let lang = "";
	text
		.replace(/\r\n/g, "\n")
		.split("\n")
		.forEach((l, i) => {
			const f = /^(```|~~~~)(\S*)/.exec(l);
			if (f) {
				if (!fence) {
					fence = f[1];
					lang = f[2] ?? "";
				} else if (l.startsWith(fence)) fence = undefined;
				return;
			}
			if (fence) {
				out.push({ n: i + 1, text: l, h2, h3, code: lang });
				return;
			}
			const h = /^(#{2,3}) (.+)$/.exec(l);
			if (h) {
				if (h[1] === "##") {
					h2 = h[2]!.trim();
					h3 = "";
				} else h3 = h[2]!.trim();
				return;
			}
			out.push({ n: i + 1, text: l, h2, h3 });
		});
	return out;
}

/** Parts of the section that quote the inputs or list sources: a name there is not a claim about the stack. */
const QUOTING = /^(Decisions|Assumptions|Open questions|Sources|Research|Inputs this section relies on)\b/;

export function isClaim(l: SectionLine): boolean {
	return !QUOTING.test(l.h2) && !/^\s*>/.test(l.text);
}

/** "line 42: …the matched text with a little context…" */
export function at(l: SectionLine, m: RegExpExecArray | null, reason: string): string {
	if (!m) return `line ${l.n}: ${reason}`;
	const from = Math.max(0, m.index - 25);
	const to = Math.min(l.text.length, m.index + m[0].length + 25);
	const snippet = `${from > 0 ? "…" : ""}${l.text.slice(from, to).trim()}${to < l.text.length ? "…" : ""}`;
	return `line ${l.n}: ${reason} (${snippet})`;
}
