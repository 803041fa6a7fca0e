// Step 3: one decision at a time — a choice list (recommended first), the environments checklist, or a duration field.

import { Box, Text } from "ink";
import { useState } from "react";
import { checkConsistency } from "../../engine/decisions/consistency";
import {
	buildDecisions,
	DECISION_LABELS,
	DECISIONS,
	type DecisionId,
	displayValue,
	ENVIRONMENT_CHOICES,
	type Recommendation,
	recommenderLabel,
	validateDecision,
} from "../../engine/decisions/spec";
import { SOURCES } from "../../engine/knowledge/sources";
import { askedDecisions, currentValue, type WizardState } from "../../engine/wizard/state";
import type { WizardActions } from "../actions";
import { CheckList } from "../components/CheckList";
import { type ChoiceItem, ChoiceList } from "../components/ChoiceList";
import { ErrorText } from "../components/ErrorText";
import { Footer } from "../components/Footer";
import { LineInput } from "../components/LineInput";
import { useKeys } from "../hooks/use-keys";
import { editLine } from "../line-edit";
import { glyphs, theme } from "../theme";

const DURATION_EXAMPLES: Partial<Record<DecisionId, string>> = {
	rto: "how long production may be down: e.g. 30m, 2h, 8h",
	rpo: "how much data may be lost, as time: e.g. 5m, 15m, 1h, 1d",
	backupFrequency: "how often the database is snapshotted: e.g. 1h, 12h, 1d",
};

const ENV_NOTES: Record<string, string> = {
	development: "local work and fast feedback",
	preview: "a long-lived review environment (previews per pull request exist anyway)",
	staging: "production-like verification of the exact artifact",
	uat: "business sign-off before production",
	production: "serves users (required)",
};

function sourceText(rec: Recommendation): string {
	const first = rec.sources[0];
	return first ? `Source: ${SOURCES[first].title}` : "";
}

function choiceItems(rec: Recommendation): ChoiceItem[] {
	return [
		{
			value: rec.value,
			label: displayValue(rec.id, rec.value),
			note: `${rec.rationale} ${sourceText(rec)} (recommended by ${recommenderLabel(rec.by)})`.trim(),
			recommended: true,
		},
		...rec.alternatives.map((a) => ({
			value: a.value,
			label: displayValue(rec.id, a.value),
			note: a.tradeoff,
		})),
	];
}

function DecisionBody({
	id,
	state,
	actions,
	rows,
}: {
	id: DecisionId;
	state: WizardState;
	actions: WizardActions;
	rows: number;
}) {
	const rec = state.recommendations![id];
	const value = currentValue(state, id) ?? rec.value;
	const kind = FIELD_FOR[DECISIONS[id].kind];
	const items = kind === "choice" ? choiceItems(rec) : [];
	const [focused, setFocused] = useState(() =>
		Math.max(
			0,
			items.findIndex((i) => i.value === value),
		),
	);
	const envItems = [...new Set([...ENVIRONMENT_CHOICES, ...value.split(",")])].map((v) => ({
		value: v,
		note: ENV_NOTES[v] ?? "team-specific",
	}));
	const [checked, setChecked] = useState(() => new Set(kind === "check" ? value.split(",") : []));
	const [text, setText] = useState(kind === "text" ? value : "");
	const [pristine, setPristine] = useState(true);
	const [error, setError] = useState<string | undefined>();

	useKeys((input, key) => {
		if (key.escape) {
			actions.dispatch({ type: "BACK" });
			return true;
		}
		if (kind === "choice") {
			if (key.upArrow || key.downArrow) {
				setFocused((f) => (f + (key.upArrow ? items.length - 1 : 1)) % items.length);
				return true;
			}
			if (key.return) {
				actions.decide(id, items[focused]!.value);
				return true;
			}
			if (input === "q") {
				actions.quit(130);
				return true;
			}
			return false;
		}
		if (kind === "check") {
			if (key.upArrow || key.downArrow) {
				setFocused((f) => (f + (key.upArrow ? envItems.length - 1 : 1)) % envItems.length);
				return true;
			}
			if (input === " ") {
				const v = envItems[focused]!.value;
				setChecked((c) => {
					const next = new Set(c);
					if (next.has(v)) next.delete(v);
					else next.add(v);
					return next;
				});
				return true;
			}
			if (key.return) {
				const joined = envItems
					.map((e) => e.value)
					.filter((e) => checked.has(e))
					.join(",");
				const check = validateDecision(id, joined, state.context);
				if (!check.ok) setError(check.error);
				else actions.decide(id, check.value);
				return true;
			}
			if (input === "q") {
				actions.quit(130);
				return true;
			}
			return false;
		}
		if (key.return) {
			const check = validateDecision(id, text, state.context);
			if (!check.ok) setError(check.error);
			else actions.decide(id, check.value);
			return true;
		}
		const next = editLine(text, input, key, pristine);
		if (next !== undefined) {
			setText(next);
			setPristine(false);
			setError(undefined);
			return true;
		}
		return false;
	});

	// Consistency of the decisions as they stand, with this field's candidate value.
	let warnings: string[] = [];
	if (kind === "text") {
		const check = validateDecision(id, text, state.context);
		if (check.ok) {
			const overrides = {
				...state.preset,
				...state.overrides,
				[id]: { value: check.value, provenance: "user" as const },
			};
			warnings = checkConsistency(buildDecisions(state.recommendations!, overrides), state.context)
				.filter((w) => w.level === "warning" || w.decision === id)
				.map((w) => w.message);
		}
	}

	return (
		<Box flexDirection="column">
			{kind === "choice" ? (
				<ChoiceList items={items} focused={focused} maxVisible={Math.max(3, rows - 12)} />
			) : null}
			{kind === "check" ? <CheckList items={envItems} checked={checked} focused={focused} /> : null}
			{kind === "text" ? (
				<Box flexDirection="column">
					<Text color={theme.muted} wrap="wrap">
						Recommended: {displayValue(id, rec.value)} — {rec.rationale}
					</Text>
					<Text color={theme.muted}>{DURATION_EXAMPLES[id]}</Text>
					<LineInput value={text} placeholder={rec.value} />
				</Box>
			) : null}
			{kind === "check" ? (
				<Text color={theme.muted} wrap="wrap">
					Recommended: {displayValue(id, rec.value)} — {rec.rationale}
				</Text>
			) : null}
			<ErrorText message={error} />
			{warnings.slice(0, 2).map((w) => (
				<Text key={w} color={theme.warn} wrap="wrap">
					{glyphs.warn} {w}
				</Text>
			))}
			<Box marginTop={1}>
				<Footer
					keys={
						kind === "choice"
							? [
									["↑↓", "choose"],
									["Enter", "confirm"],
									["Esc", "back"],
									["q", "quit"],
								]
							: kind === "check"
								? [
										["↑↓", "move"],
										["Space", "toggle"],
										["Enter", "confirm"],
										["Esc", "back"],
										["q", "quit"],
									]
								: [
										["Enter", "confirm"],
										["Esc", "back"],
										["Ctrl+U", "clear"],
										["Ctrl+C", "quit"],
									]
					}
				/>
			</Box>
		</Box>
	);
}

/** The field each kind of decision is asked with. */
const FIELD_FOR = { choice: "choice", checklist: "check", duration: "text" } as const;

export function DecisionStep({
	state,
	actions,
	rows,
}: {
	state: WizardState;
	actions: WizardActions;
	rows: number;
}) {
	const asked = askedDecisions(state);
	const id = asked[state.decisionIndex]!;
	return (
		<Box flexDirection="column">
			<Text bold>
				Decision {state.decisionIndex + 1} of {asked.length} · {DECISION_LABELS[id]}
			</Text>
			<ErrorText message={state.error} />
			{/* A key per decision resets the field state when the step changes. */}
			<DecisionBody key={id} id={id} state={state} actions={actions} rows={rows} />
		</Box>
	);
}
