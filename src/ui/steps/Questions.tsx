// Step 4: open questions one at a time; an answer becomes a decision or an assumption, a skipped one stays open.

import { Box, Text } from "ink";
import { useState } from "react";
import { SOURCE_LABELS } from "../../engine/inputs/questions";
import type { WizardState } from "../../engine/wizard/state";
import type { WizardActions } from "../actions";
import { Footer } from "../components/Footer";
import { LineInput } from "../components/LineInput";
import { useKeys } from "../hooks/use-keys";
import { editLine } from "../line-edit";
import { theme } from "../theme";

function QuestionBody({ state, actions }: { state: WizardState; actions: WizardActions }) {
	const q = state.questions[state.questionIndex]!;
	const [text, setText] = useState(state.answers[q.id]?.text ?? "");
	const [pristine, setPristine] = useState(true);
	useKeys((input, key) => {
		if (key.escape) {
			actions.dispatch({ type: "BACK" });
			return true;
		}
		if (key.tab) {
			actions.dispatch({ type: "SKIP", id: q.id });
			return true;
		}
		if (key.return) {
			actions.dispatch(
				text.trim() ? { type: "ANSWER", id: q.id, text, provenance: "user" } : { type: "SKIP", id: q.id },
			);
			return true;
		}
		const next = editLine(text, input, key, pristine);
		if (next !== undefined) {
			setText(next);
			setPristine(false);
			return true;
		}
		return false;
	});
	return (
		<Box flexDirection="column">
			<Text wrap="wrap" bold>
				{q.text}
			</Text>
			{q.assumption ? (
				<Text wrap="wrap" color={theme.muted}>
					If skipped: {q.assumption}
				</Text>
			) : (
				<Text color={theme.muted}>If skipped, it stays in the open questions.</Text>
			)}
			<LineInput value={text} placeholder="type an answer, or press Tab to skip" />
			<Box marginTop={1}>
				<Footer
					keys={[
						["Enter", "answer (empty skips)"],
						["Tab", "skip"],
						["Esc", "back"],
						["Ctrl+C", "quit"],
					]}
				/>
			</Box>
		</Box>
	);
}

export function QuestionsStep({ state, actions }: { state: WizardState; actions: WizardActions }) {
	const q = state.questions[state.questionIndex]!;
	const answered = Object.keys(state.answers).length;
	return (
		<Box flexDirection="column">
			<Text>
				<Text bold>
					Question {state.questionIndex + 1} of {state.questions.length}
				</Text>
				<Text color={theme.muted}>
					{" "}
					· {SOURCE_LABELS[q.source]} · {answered} answered
				</Text>
			</Text>
			<QuestionBody key={q.id} state={state} actions={actions} />
		</Box>
	);
}
