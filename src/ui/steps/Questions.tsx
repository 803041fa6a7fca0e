// Step 4: open questions one at a time; an answer becomes a decision or an assumption, a skipped one stays open.

import { Box, Text } from "ink";
import { SOURCE_LABELS } from "../../engine/inputs/questions";
import type { WizardState } from "../../engine/wizard/state";
import type { WizardActions } from "../actions";
import { Footer } from "../components/Footer";
import { TextField } from "../components/TextField";
import { useKeys } from "../hooks/use-keys";
import { useWidget } from "../hooks/use-widget";
import { wrapToWidth } from "../text-width";
import { theme } from "../theme";
import { initTextField, reduceTextField, submittedText, textFieldKeyAction } from "../widgets/text-field";

interface Props {
	state: WizardState;
	actions: WizardActions;
	columns: number;
	/** Rows for the screen below the header. */
	rows: number;
}

function QuestionBody({ state, actions, columns, rows }: Props) {
	const q = state.questions[state.questionIndex]!;
	// A saved answer is edited in place: Backspace takes one character, typing adds to it.
	const [field, edit, latestField] = useWidget(reduceTextField, () =>
		initTextField(state.answers[q.id]?.text),
	);
	// Rows: the title line above, the field (2 with its counter), the footer (2); the question and what a skip means
	// share the rest, the question first.
	const free = Math.max(2, rows - 1 - 2 - 2);
	const skipText = q.assumption
		? `If skipped: ${q.assumption}`
		: "If skipped, it stays in the open questions.";
	const questionLines = wrapToWidth(q.text, columns, Math.max(1, free - 1));
	const skipLines = wrapToWidth(skipText, columns, Math.max(1, Math.min(2, free - questionLines.length)));
	useKeys((_input, key, press) => {
		if (key.escape) {
			actions.dispatch({ type: "BACK" });
			return true;
		}
		if (key.tab) {
			actions.dispatch({ type: "SKIP", id: q.id });
			return true;
		}
		if (key.return) {
			const text = submittedText(latestField());
			actions.dispatch(
				text.trim() ? { type: "ANSWER", id: q.id, text, provenance: "user" } : { type: "SKIP", id: q.id },
			);
			return true;
		}
		return edit(textFieldKeyAction(press));
	});
	return (
		<Box flexDirection="column">
			<Text bold>{questionLines.join("\n")}</Text>
			<Text color={theme.muted}>{skipLines.join("\n")}</Text>
			<TextField state={field} width={columns} placeholder="type an answer, or press Tab to skip" />
			<Box marginTop={1}>
				<Footer
					keys={[
						["Enter", "answer (empty skips)"],
						["Tab", "skip"],
						["Esc", "back"],
						["←→ Home End", "move"],
						["Ctrl+U/K/W", "delete"],
						["F1", "help"],
						["Ctrl+C", "quit"],
					]}
					helpKey="F1"
				/>
			</Box>
		</Box>
	);
}

export function QuestionsStep({ state, actions, columns, rows }: Props) {
	const q = state.questions[state.questionIndex]!;
	const answered = Object.keys(state.answers).length;
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text bold>
					Question {state.questionIndex + 1} of {state.questions.length}
				</Text>
				<Text color={theme.muted}>
					{" "}
					· {SOURCE_LABELS[q.source]} · {answered} answered
				</Text>
			</Text>
			<QuestionBody key={q.id} state={state} actions={actions} columns={columns} rows={rows} />
		</Box>
	);
}
