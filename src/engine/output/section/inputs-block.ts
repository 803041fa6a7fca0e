// "Inputs this section relies on": what the inputs say, each fact with where it came from; the requirements earlier
// sections wrote for this one, quoted whole; conflicts and guesses flagged. The same lines as pre-flight.

import type { ProjectModel } from "../../inputs/model";
import { sourceText, understoodLines } from "../../inputs/understood";
import { bullets, join, table } from "./md";

/** Input text as Markdown-inert prose: no HTML, emphasis or link syntax from the input takes effect. */
function inert(text: string): string {
	return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

const FLAG_NOTES: Record<string, string> = {
	assumed: "assumed: the inputs do not say",
	text: "read from free text",
	conflict: "conflict: an open question",
	dropped: "dropped",
};

export function renderInputsBlock(model: ProjectModel): string {
	// Rejected alternatives stay on the pre-flight screen: the section names only what runs.
	const lines = understoodLines(model).filter(
		(l) => l.label !== "Requirements for this section" && l.label !== "Rejected upstream",
	);
	const rows = lines.map((l) => [
		l.label,
		inert(l.value),
		l.flag === "assumed" && l.source === "assumed"
			? FLAG_NOTES.assumed!
			: `${inert(l.source)}${l.flag ? ` (${FLAG_NOTES[l.flag]})` : ""}`,
	]);
	const reqs = model.upstream.forSection10;
	const flagged = lines.filter((l) => l.flag === "conflict" || l.flag === "assumed").length;
	return join(
		"## Inputs this section relies on",
		`Every fact below comes from the earlier sections' handoffs and texts; the last column says where. ${
			flagged
				? `${flagged} ${flagged === 1 ? "fact is" : "facts are"} assumed or in conflict, as marked; conflicts are also open questions at the end.`
				: "None had to be assumed."
		}`,
		table(["What", "Value", "Source"], rows),
		reqs.length
			? join(
					"Requirements earlier sections set for this one, quoted as written; this section follows them:",
					bullets(reqs.map((r) => `"${inert(r.value)}" (${inert(sourceText(r.from))})`)),
				)
			: undefined,
	);
}
