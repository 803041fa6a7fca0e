// The title line: project name and where the wizard is among its steps (all steps when they fit, else the current).

import { Box, Text } from "ink";
import type { Step } from "../../engine/wizard/state";
import { theme, useUiTheme } from "../theme";

const LABELS: [Step, string][] = [
	["preflight", "Pre-flight"],
	["research", "Research"],
	["decisions", "Decisions"],
	["questions", "Questions"],
	["review", "Review"],
	["done", "Write"],
];

export function StepHeader({ project, step, columns }: { project: string; step: Step; columns: number }) {
	const ui = useUiTheme();
	const current = step === "writing" ? "done" : step;
	const index = LABELS.findIndex(([s]) => s === current);
	const title = `Section 10 · ${project}`;
	const label = (i: number) => (i === index ? ui.currentStep(LABELS[i]![1]) : LABELS[i]![1]);
	const all = LABELS.map((_, i) => label(i)).join(" › ");
	const short = `${label(index)} (${index + 1}/${LABELS.length})`;
	// The step is what matters: the project name is cut before the step is.
	const fitsAll = title.length + 2 + all.length <= columns;
	const room = Math.max(0, columns - 2 - short.length);
	const shownTitle = fitsAll || title.length <= room ? title : `${title.slice(0, Math.max(0, room - 1))}…`;
	return (
		<Box>
			<Text wrap="truncate-end">
				<Text bold>{shownTitle}</Text>
				{"  "}
				{fitsAll ? (
					LABELS.map(([s], i) => (
						<Text key={s} color={i === index ? theme.accent : theme.muted} bold={i === index}>
							{i > 0 ? " › " : ""}
							{label(i)}
						</Text>
					))
				) : (
					<Text color={theme.accent} bold>
						{short}
					</Text>
				)}
			</Text>
		</Box>
	);
}
