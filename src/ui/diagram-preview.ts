// The section's diagrams drawn as text for the review screen. A chunk of its own, loaded only when asked for: the
// renderer is large and most runs never need it.

import { renderMermaidAscii } from "beautiful-mermaid";
import { mermaidBlocks } from "../engine/output/check";

function render(source: string): string[] {
	try {
		// No colour: the renderer would otherwise add escape sequences whenever it sees a terminal.
		return renderMermaidAscii(source, { colorMode: "none" }).split("\n");
	} catch {
		return source.split("\n");
	}
}

const widest = (lines: string[]) => Math.max(0, ...lines.map((l) => l.length));

/**
 * The lines of every Mermaid block of the section, each under its title; a block the renderer rejects is shown as is.
 * A left-to-right chain wider than `width` is drawn top to bottom instead, when that is narrower.
 */
export function diagramPreview(markdown: string, width = Number.POSITIVE_INFINITY): string[] {
	return mermaidBlocks(markdown).flatMap((b, i) => {
		let art = render(b.body);
		if (widest(art) > width && /^\s*(graph|flowchart)\s+LR/m.test(b.body)) {
			const down = render(b.body.replace(/^(\s*(?:graph|flowchart)\s+)LR/m, "$1TD"));
			if (widest(down) < widest(art)) art = down;
		}
		return [i === 0 ? "Environment progression" : "Pipeline stages", ...art, ""];
	});
}
