// Compliance controls: each regime's controls with their sources, and its log retention and drill cadence, marked
// "common practice" where the regime itself sets none.

import type { Cadence } from "../../knowledge/compliance";
import { bullets, join, table } from "./md";
import type { SectionModel } from "./model";

function cadence(m: SectionModel, c: Cadence): string {
	return `${c.text}${m.cite(c.sources)}`;
}

export function renderCompliance(m: SectionModel): string | undefined {
	if (m.compliance.length === 0) return undefined;
	const rows = m.compliance.flatMap((c) =>
		c.controls.map((ctl) => [c.name, ctl.control, `${ctl.effect}${m.cite(ctl.sources)}`]),
	);
	return join(
		"## Compliance controls",
		`The inputs place ${m.ctx.projectName} in scope of ${m.compliance.map((c) => c.name).join(", ")}. These controls change the plan above:`,
		table(["Regime", "Control", "Where this section meets it"], rows),
		bullets(
			m.compliance.flatMap((c) => [
				`${c.name} log retention: ${cadence(m, c.logRetention)}.`,
				`${c.name} drills: ${cadence(m, c.drillCadence)}.`,
			]),
		),
		m.compliance.some((c) => c.requiresSeparationOfDuties)
			? "Production changes need an approver other than the author."
			: undefined,
	);
}
