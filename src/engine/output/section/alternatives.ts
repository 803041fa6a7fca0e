// Alternatives the inputs rejected stay on the pre-flight screen and in the `--json` model: the section says what
// runs, so a line that weighs the choice against a rejected option ("Heroku over AWS ECS") is left out of it.

import type { ProjectModel } from "../../inputs/model";

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** "X over Y: why", "X instead of Y", "X rather than Y": a line that names the option not taken. */
const WEIGHED = /^[^:.;]{1,80}\bover\b|\b(instead of|rather than)\b/i;

/** True when the text names an option the inputs rejected, or weighs the choice against another option. */
export function namesAlternative(text: string, model: ProjectModel): boolean {
	const t = norm(text);
	if (model.rejected.some((r) => norm(r.label).length >= 3 && t.includes(norm(r.label)))) return true;
	return WEIGHED.test(text);
}
