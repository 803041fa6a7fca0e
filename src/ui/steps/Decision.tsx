// Step 3: one decision at a time — a choice list (recommended first), the environments checklist, or a duration field.

import { Box, Text } from "ink";
import { useMemo, useState } from "react";
import { ruleKind } from "../../engine/decisions/consistency";
import {
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
import { askedDecisions, currentValue, decisionFindings, type WizardState } from "../../engine/wizard/state";
import type { WizardActions } from "../actions";
import { CheckList } from "../components/CheckList";
import { type ChoiceItem, ChoiceList } from "../components/ChoiceList";
import { ErrorText } from "../components/ErrorText";
import { Footer } from "../components/Footer";
import { TextField } from "../components/TextField";
import { useKeys } from "../hooks/use-keys";
import { useWidget } from "../hooks/use-widget";
import { wrapToWidth } from "../text-width";
import { glyphs, theme } from "../theme";
import {
	checkedValues,
	checkKeyAction,
	choiceKeyAction,
	initCheck,
	initChoice,
	reduceCheck,
	reduceChoice,
} from "../widgets/list";
import {
	initTextField,
	reduceTextField,
	submittedText,
	TEXT_FIELD_COUNTER_FROM,
	textFieldKeyAction,
} from "../widgets/text-field";

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
	columns,
}: {
	id: DecisionId;
	state: WizardState;
	actions: WizardActions;
	rows: number;
	columns: number;
}) {
	const rec = state.recommendations![id];
	const value = currentValue(state, id) ?? rec.value;
	const kind = FIELD_FOR[DECISIONS[id].kind];
	const items = kind === "choice" ? choiceItems(rec) : [];
	const [choice, choose, latestChoice] = useWidget(reduceChoice, () =>
		initChoice(
			items.length,
			items.findIndex((i) => i.value === value),
		),
	);
	const envValues = [...new Set([...ENVIRONMENT_CHOICES, ...value.split(",")])];
	const [check, toggle, latestCheck] = useWidget(reduceCheck, () =>
		initCheck(envValues, kind === "check" ? value.split(",") : []),
	);
	// A value the user typed is edited in place; a recommendation (or a value taken from one) is a suggestion.
	const saved = state.overrides[id]?.provenance === "user" ? state.overrides[id]?.value : undefined;
	const [field, edit, latestField] = useWidget(reduceTextField, () =>
		initTextField(kind === "text" ? saved : undefined, value),
	);
	const [error, setError] = useState<string | undefined>();
	const submit = (candidate: string) => {
		const result = validateDecision(id, candidate, state.context);
		if (!result.ok) setError(result.error);
		else actions.decide(id, result.value);
	};

	useKeys((input, key, press) => {
		if (key.escape) {
			actions.dispatch({ type: "BACK" });
			return true;
		}
		if (kind === "choice") {
			if (key.return) {
				actions.decide(id, items[latestChoice().focused]!.value);
				return true;
			}
			if (input === "q") {
				actions.quit(130);
				return true;
			}
			return choose(choiceKeyAction(press));
		}
		if (kind === "check") {
			if (key.return) {
				submit(checkedValues(latestCheck()).join(","));
				return true;
			}
			if (input === "q") {
				actions.quit(130);
				return true;
			}
			const used = toggle(checkKeyAction(press));
			if (used) setError(undefined);
			return used;
		}
		if (key.return) {
			submit(submittedText(latestField()));
			return true;
		}
		const used = edit(textFieldKeyAction(press));
		if (used) setError(undefined);
		return used;
	});
	const text = submittedText(field);

	// What the value under the cursor (or typed, or checked) brings, before it is confirmed: each rule it breaks with
	// its reason, an infeasible target, a risk; under --strict, the ones that keep it from being accepted say so.
	const candidate =
		kind === "choice"
			? items[choice.focused]?.value
			: kind === "check"
				? checkedValues(check).join(",")
				: text;
	const valid = candidate === undefined ? undefined : validateDecision(id, candidate, state.context);
	const checked = valid?.ok ? valid.value : undefined;
	const warnings = useMemo(() => {
		if (checked === undefined) return [];
		const { findings, refused } = decisionFindings(state, id, checked);
		const rank = (w: (typeof findings)[number]) =>
			refused.includes(w) ? 0 : w.infeasible ? 1 : w.level === "warning" ? 2 : 3;
		return [...findings]
			.sort((a, b) => rank(a) - rank(b))
			.map((w) => ({
				warn: w.level === "warning" || refused.includes(w),
				text: `${ruleKind(w)}${state.strict && refused.includes(w) ? " (not accepted under --strict)" : ""}: ${w.message}`,
			}));
	}, [state, id, checked]);

	// Rows: the footer (2), an error (2), warnings (the first up to 4 lines so its reason is readable, the second 2);
	// the rest is the field's.
	const warningLines = warnings.slice(0, 2).map((w, i) => ({
		warn: w.warn,
		lines: wrapToWidth(
			`${w.warn ? glyphs.warn : glyphs.info} ${w.text}`,
			columns,
			i === 0 ? Math.min(4, Math.max(2, rows - 8)) : 2,
		),
	}));
	const free = rows - 2 - (error ? 2 : 0) - warningLines.reduce((n, l) => n + l.lines.length, 0);
	const fieldRows =
		kind === "text" ? (field.cut || field.value.length >= TEXT_FIELD_COUNTER_FROM ? 2 : 1) : 0;
	const recommended = `Recommended: ${displayValue(id, rec.value)} — ${rec.rationale}`;
	const recommendedLines =
		kind === "choice"
			? []
			: wrapToWidth(
					recommended,
					columns,
					Math.max(1, free - (kind === "text" ? 1 + fieldRows : check.values.length)),
				);
	return (
		<Box flexDirection="column">
			{kind === "choice" ? (
				<ChoiceList items={items} focused={choice.focused} rows={Math.max(2, free)} width={columns} />
			) : null}
			{kind === "check" ? (
				<CheckList
					items={check.values.map((v) => ({ value: v, note: ENV_NOTES[v] ?? "team-specific" }))}
					checked={check.checked}
					focused={check.focused}
				/>
			) : null}
			{kind === "text" ? (
				<Box flexDirection="column">
					<Text color={theme.muted}>{recommendedLines.join("\n")}</Text>
					<Text color={theme.muted} wrap="truncate-end">
						{DURATION_EXAMPLES[id]}
					</Text>
					<TextField state={field} width={columns} suggestionLabel="recommended" />
				</Box>
			) : null}
			{kind === "check" ? <Text color={theme.muted}>{recommendedLines.join("\n")}</Text> : null}
			<ErrorText message={error} />
			{warningLines.map((w) => (
				<Text key={w.lines.join()} color={w.warn ? theme.warn : theme.muted}>
					{w.lines.join("\n")}
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
									["?", "help"],
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
										["←→ Home End", "move"],
										["Ctrl+U/K/W", "delete"],
										["F1", "help"],
										["Ctrl+C", "quit"],
									]
					}
					helpKey={kind === "text" ? "F1" : "?"}
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
	columns,
}: {
	state: WizardState;
	actions: WizardActions;
	rows: number;
	columns: number;
}) {
	const asked = askedDecisions(state);
	const id = asked[state.decisionIndex]!;
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				Decision {state.decisionIndex + 1} of {asked.length} · {DECISION_LABELS[id]}
			</Text>
			<ErrorText message={state.error} />
			{/* A key per decision resets the field state when the step changes. */}
			<DecisionBody
				key={id}
				id={id}
				state={state}
				actions={actions}
				rows={rows - 1 - (state.error ? wrapToWidth(`${glyphs.error} ${state.error}`, columns, 8).length : 0)}
				columns={columns}
			/>
		</Box>
	);
}
