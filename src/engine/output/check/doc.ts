// A Section 10 file as the checks read it: lines, headings and their bodies, prose outside code fences.

export interface Doc {
	text: string;
	lines: string[];
	/** Line ranges of headings: "### Rollback runbook" → its body. */
	section: (heading: RegExp) => string | undefined;
	/** Text outside fenced code. */
	prose: string;
}

export function parseDoc(text: string): Doc {
	const lines = text.replace(/\r\n/g, "\n").split("\n");
	const headings: { level: number; title: string; line: number }[] = [];
	let fence: string | undefined;
	const proseLines: string[] = [];
	lines.forEach((l, i) => {
		const f = /^(```|~~~~)/.exec(l);
		if (f) {
			if (!fence) fence = f[1];
			else if (l.startsWith(fence)) fence = undefined;
			return;
		}
		if (fence) return;
		proseLines.push(l);
		const h = /^(#{1,6}) (.+)$/.exec(l);
		if (h) headings.push({ level: h[1]!.length, title: h[2]!.trim(), line: i });
	});
	return {
		text,
		lines,
		prose: proseLines.join("\n"),
		section: (re) => {
			const i = headings.findIndex((h) => re.test(h.title));
			if (i === -1) return undefined;
			const h = headings[i]!;
			const next = headings.slice(i + 1).find((o) => o.level <= h.level);
			return lines.slice(h.line, next ? next.line : lines.length).join("\n");
		},
	};
}

export function findLines(doc: Doc, re: RegExp, proseOnly = true): string[] {
	const out: string[] = [];
	let fence = false;
	doc.lines.forEach((l, i) => {
		if (/^(```|~~~~)/.test(l)) fence = !fence;
		else if (!fence || !proseOnly) {
			const m = re.exec(l);
			if (!m) return;
			// The match with a little context, so the report shows what was found.
			const from = Math.max(0, m.index - 30);
			const snippet = l.slice(from, m.index + m[0].length + 30).trim();
			out.push(
				`line ${i + 1}: ${from > 0 ? "…" : ""}${snippet}${m.index + m[0].length + 30 < l.length ? "…" : ""}`,
			);
		}
	});
	return out;
}

/** A structural check of a Mermaid flowchart: header, nodes, edges, balanced quotes (what a renderer would reject). */
export function checkMermaid(body: string): string | undefined {
	const lines = body.split("\n").filter((l) => l.trim() && !l.trim().startsWith("%%"));
	const header = lines[0]?.trim() ?? "";
	if (!/^(flowchart|graph)\s+(LR|RL|TB|TD|BT)$/.test(header)) {
		return /^(sequenceDiagram|classDiagram|stateDiagram|erDiagram|gantt|pie|journey|gitGraph|mindmap|timeline)/.test(
			header,
		)
			? undefined
			: `unknown diagram header "${header.slice(0, 30)}"`;
	}
	const node = String.raw`[A-Za-z][A-Za-z0-9_]*(?:\["[^"]*"\]|\{\{"[^"]*"\}\}|\("[^"]*"\)|\{"[^"]*"\}|\[[^\]"]*\])?`;
	const edge = String.raw`(?:-->|-\.->|==>|---)(?:\|"[^"]*"\||\|[^|"]*\|)?`;
	const lineRe = new RegExp(String.raw`^\s*${node}(?:\s*${edge}\s*${node})*\s*;?\s*$`);
	for (let i = 1; i < lines.length; i++) {
		const l = lines[i]!;
		if (/^\s*(classDef|class|style|linkStyle|subgraph|end|direction)\b/.test(l)) continue;
		if (!lineRe.test(l)) return `line ${i + 1} of the diagram does not parse: ${l.trim().slice(0, 60)}`;
	}
	return undefined;
}

export function mermaidBlocks(text: string): { body: string; line: number }[] {
	const out: { body: string; line: number }[] = [];
	const re = /^```mermaid\n([\s\S]*?)\n```/gm;
	for (let m = re.exec(text); m; m = re.exec(text))
		out.push({ body: m[1]!, line: text.slice(0, m.index).split("\n").length });
	return out;
}
