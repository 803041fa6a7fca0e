// The title line: project name and where the wizard is among its steps.

import { Box, Text } from "ink";
import type { Step } from "../../engine/wizard/state";
import { theme } from "../theme";

const LABELS: [Step, string][] = [
	["preflight", "Pre-flight"],
	["research", "Research"],
	["decisions", "Decisions"],
	["questions", "Questions"],
	["review", "Review"],
	["done", "Write"],
];

export function StepHeader({ project, step, narrow }: { project: string; step: Step; narrow: boolean }) {
	const current = step === "writing" ? "done" : step;
	const index = LABELS.findIndex(([s]) => s === current);
	return (
		<Box>
			<Text wrap="truncate-end">
				<Text bold>Section 10 · {project}</Text>
				<Text color={theme.muted}> </Text>
				{narrow ? (
					<Text color={theme.accent}>
						{" "}
						{LABELS[index]?.[1]} ({index + 1}/{LABELS.length})
					</Text>
				) : (
					LABELS.map(([s, label], i) => (
						<Text key={s} color={i === index ? theme.accent : theme.muted} bold={i === index}>
							{i > 0 ? " › " : "  "}
							{label}
						</Text>
					))
				)}
			</Text>
		</Box>
	);
}
