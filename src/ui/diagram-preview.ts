// The section's diagrams drawn as text for the review screen. A chunk of its own, loaded only when asked for: the
// renderer is large and most runs never need it.

import { renderMermaidAscii } from "beautiful-mermaid";
import { mermaidBlocks } from "../engine/output/check";

/** The lines of every Mermaid block of the section, each under its title; a block the renderer rejects is shown as is. */
export function diagramPreview(markdown: string): string[] {
	return mermaidBlocks(markdown).flatMap((b, i) => {
		let art: string;
		try {
			art = renderMermaidAscii(b.body);
		} catch {
			art = b.body;
		}
		return [i === 0 ? "Environment progression" : "Pipeline stages", ...art.split("\n")];
	});
}
