// Step 5: decisions with provenance, warnings, the section outline, and what changes on disk. Enter asks to write;
// e edits one decision or answer and comes back here; d previews the diagrams in a box that scrolls.

import { Badge, ConfirmInput, UnorderedList } from "@inkjs/ui";
import { Box, Text } from "ink";
import Spinner from "ink-spinner";
import { useMemo, useState } from "react";
import { ruleKind } from "../../engine/decisions/consistency";
import {
	DECISION_IDS,
	DECISION_LABELS,
	type DecisionId,
	decisionValue,
	displayValue,
	type Provenance,
} from "../../engine/decisions/spec";
import { checkInputsOf, checkSection } from "../../engine/output/check";
import { outline } from "../../engine/output/compose";
import { askedDecisions, type EditTarget, type WizardState } from "../../engine/wizard/state";
import type { WizardActions } from "../actions";
import { type ChoiceItem, ChoiceList } from "../components/ChoiceList";
import { ErrorText } from "../components/ErrorText";
import { Footer } from "../components/Footer";
import { useKeys } from "../hooks/use-keys";
import { useWidget } from "../hooks/use-widget";
import { fitToWidth } from "../text-width";
import { glyphs, theme, useUiTheme } from "../theme";
import { choiceKeyAction, initChoice, reduceChoice } from "../widgets/list";
import { initReview, reduceReview, reviewKeyAction } from "../widgets/review";

const PROVENANCE_BADGE: Record<string, { label: string; color: string }> = {
	recommended: { label: "recommended", color: "green" },
	user: { label: "yours", color: "cyan" },
	flag: { label: "flag", color: "blue" },
	answers: { label: "answers", color: "blue" },
	agent: { label: "agent", color: "magenta" },
};

function ProvenanceBadge({ provenance }: { provenance: Provenance }) {
	const ui = useUiTheme();
	const b =
		PROVENANCE_BADGE[provenance.startsWith("agent:") ? "agent" : provenance] ?? PROVENANCE_BADGE.recommended!;
	return ui.noColor ? <Text>[{b.label}]</Text> : <Badge color={b.color}>{b.label}</Badge>;
}

/** What `e` offers: the decisions the wizard asked, then the open questions. */
function editItems(state: WizardState): (ChoiceItem & { target: EditTarget })[] {
	return [
		...askedDecisions(state).map((id) => ({
			value: `d:${id}`,
			label: `${DECISION_LABELS[id]}`,
			note: "decision",
			target: { kind: "decision" as const, id },
		})),
		...state.questions.map((q) => ({
			value: `q:${q.id}`,
			label: fitToWidth(q.text, 60),
			note: state.answers[q.id] ? `answered: ${state.answers[q.id]!.text}` : "open question",
			target: { kind: "question" as const, id: q.id },
		})),
	];
}

export function ReviewStep({
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
	const composed = actions.compose();
	const existing = state.preflight.existingOutputs;
	const files = composed.files.length;
	const [view, apply, latest] = useWidget(reduceReview, initReview);
	const items = useMemo(() => editItems(state), [state]);
	const [picker, pick, latestPick] = useWidget(reduceChoice, () => initChoice(items.length));
	const [preview, setPreview] = useState<string[] | undefined>();
	const report = useMemo(
		() => checkSection(composed.markdown, checkInputsOf(composed.model.ctx)),
		[composed.markdown, composed.model.ctx],
	);
	const loadDiagrams = async () => {
		const { diagramPreview } = await import("../diagram-preview");
		setPreview(diagramPreview(composed.markdown, previewWidth));
	};
	// Rows of the diagram box's content: the screen's rows less the box border, its status line and the footer.
	const previewRows = Math.max(2, rows - 5);
	const previewWidth = Math.max(10, columns - 2);
	const previewWidest = Math.max(0, ...(preview ?? []).map((l) => l.length));
	useKeys((input, key, press) => {
		const now = latest();
		if (now.mode === "confirm") {
			const yes = input.toLowerCase() === "y" || (key.return && existing.length === 0);
			const no = input.toLowerCase() === "n" || key.escape || (key.return && existing.length > 0);
			if (yes) {
				apply({ type: "close" });
				actions.write(existing.length > 0);
			} else if (no) apply({ type: "close" });
			return true;
		}
		if (now.mode === "pick") {
			if (key.return) {
				apply({ type: "close" });
				actions.dispatch({ type: "EDIT", target: items[latestPick().focused]!.target });
				return true;
			}
			if (key.escape) apply({ type: "close" });
			else pick(choiceKeyAction(press));
			return true;
		}
		if (
			apply(
				reviewKeyAction(press, now, {
					panStep: Math.max(10, Math.floor(previewWidth / 2)),
					maxTop: Math.max(0, (preview?.length ?? 0) - previewRows),
					maxLeft: Math.max(0, previewWidest - previewWidth),
					page: previewRows,
				}),
			)
		) {
			if (input === "d" && !preview) void loadDiagrams();
			return true;
		}
		if (input === "w") {
			// The old key writes at once, as before; Enter asks first.
			actions.write(existing.length > 0);
			return true;
		}
		if (key.escape) {
			actions.dispatch({ type: "BACK" });
			return true;
		}
		if (input === "q") {
			actions.quit(130);
			return true;
		}
		return false;
	});
	const d = composed.decisions;
	// Infeasible targets first, and said so: they are what must not be written unread.
	const warnings = composed.model.warnings
		.filter((w) => w.level === "warning")
		.sort((a, b) => Number(!!b.infeasible) - Number(!!a.infeasible));
	const open = composed.handoff.open_questions.length;
	const headings = outline(composed.markdown).filter((h) => h.level === 2);
	const twoColumns = columns >= 100;
	// Two columns never touch: the left one is cut two columns short of its width.
	const half = Math.floor(columns / 2);
	const footerKeys: [string, string][] =
		view.mode === "confirm"
			? [
					["y", "write"],
					["n/Esc", "not now"],
				]
			: view.mode === "pick"
				? [
						["↑↓", "choose"],
						["Enter", "edit it"],
						["Esc", "cancel"],
					]
				: view.mode === "diagrams"
					? [
							["↑↓ PgUp PgDn", "scroll"],
							["←→", "pan"],
							["d/Esc", "close"],
						]
					: [
							["Enter", existing.length ? "write (asks; replaces with backup)" : "write (asks)"],
							["w", "write now"],
							["e", "edit one item"],
							["d", "diagrams"],
							["Esc", "back"],
							["?", "help"],
							["q", "quit"],
						];
	const footer = (
		<Box marginTop={1}>
			<Footer keys={footerKeys} />
		</Box>
	);

	if (view.mode === "pick") {
		return (
			<Box flexDirection="column">
				<Text bold wrap="truncate-end">
					Edit which item? (it returns here once answered)
				</Text>
				<ChoiceList items={items} focused={picker.focused} rows={Math.max(2, rows - 3)} width={columns} />
				{footer}
			</Box>
		);
	}
	if (view.mode === "diagrams") {
		const lines = preview ?? [];
		const shown = lines.slice(view.top, view.top + previewRows);
		const below = Math.max(0, lines.length - view.top - shown.length);
		const cutRight = Math.max(0, previewWidest - view.left - previewWidth);
		const where = [
			view.top > 0 ? `↑ ${view.top} lines above` : "",
			below > 0 ? `↓ ${below} more lines` : "",
			view.left > 0 ? `← ${view.left} columns` : "",
			cutRight > 0 ? `→ ${cutRight} more columns` : "",
		].filter(Boolean);
		return (
			<Box flexDirection="column">
				<Box flexDirection="column" borderStyle="round" borderColor={theme.muted} height={previewRows + 2}>
					{preview ? (
						<Text wrap="truncate-end">
							{shown.map((l) => fitToWidth(l.slice(view.left) || " ", previewWidth)).join("\n")}
						</Text>
					) : (
						<Text>
							<Spinner type="dots" /> Loading the diagram renderer…
						</Text>
					)}
				</Box>
				<Text color={theme.muted} wrap="truncate-end">
					{preview
						? where.length
							? `Cut: ${where.join(", ")}`
							: "The whole of both diagrams is shown."
						: " "}
				</Text>
				{footer}
			</Box>
		);
	}

	// Rows: the decisions' title and lines and the answered line; below: check, warnings, files, error, footer (2).
	const tail =
		1 + Math.min(warnings.length, 2) + 1 + (state.error ? 2 : 0) + 2 + (view.mode === "confirm" ? 1 : 0);
	const decisionRows = twoColumns ? rows - tail - 2 : Math.max(1, rows - tail - 2);
	const shownDecisions =
		DECISION_IDS.length <= decisionRows ? DECISION_IDS : DECISION_IDS.slice(0, decisionRows - 1);
	const outlineRows = twoColumns ? decisionRows : rows - tail - 2 - shownDecisions.length - 2;
	const left = (
		<Box flexDirection="column" width={twoColumns ? half : undefined} paddingRight={twoColumns ? 2 : 0}>
			<Text bold>Decisions</Text>
			{shownDecisions.map((id: DecisionId) => (
				<Text key={id} wrap="truncate-end">
					{DECISION_LABELS[id]}: <Text color={theme.accent}>{displayValue(id, decisionValue(d, id))}</Text>{" "}
					<ProvenanceBadge provenance={d.provenance[id]} />
				</Text>
			))}
			{shownDecisions.length < DECISION_IDS.length ? (
				<Text color={theme.muted} wrap="truncate-end">
					…{DECISION_IDS.length - shownDecisions.length} more (e edits, a taller terminal shows all)
				</Text>
			) : null}
			<Text color={theme.muted} wrap="truncate-end">
				{Object.keys(state.answers).length} answered, {open} open question{open === 1 ? "" : "s"} left
			</Text>
		</Box>
	);
	return (
		<Box flexDirection="column">
			<Box flexDirection={twoColumns ? "row" : "column"}>
				{left}
				{outlineRows > 1 ? (
					<Box flexDirection="column" width={twoColumns ? columns - half : undefined}>
						<Text bold>Section outline</Text>
						{headings.slice(0, outlineRows - 1).map((h) => (
							<Text key={h.title} wrap="truncate-end" color={theme.muted}>
								{h.title} ({h.lines} lines)
							</Text>
						))}
					</Box>
				) : null}
			</Box>
			<Text wrap="truncate-end" color={report.ok ? theme.ok : theme.error}>
				{report.ok ? glyphs.ok : glyphs.error} Check: rubric {report.rubricScore}/22;{" "}
				{report.ok
					? "all required checks pass"
					: `failing: ${report.requiredFailed.map((r) => `${r.id} ${r.label}`).join("; ")}`}
			</Text>
			{warnings.length ? (
				<UnorderedList>
					{warnings.slice(0, 2).map((w, i) => (
						<UnorderedList.Item key={w.message}>
							<Text color={theme.warn} wrap="truncate-end">
								{glyphs.warn}{" "}
								{i === 1 && warnings.length > 2
									? `${warnings.length - 1} more warnings (see the section)`
									: `${ruleKind(w)}: ${w.message}`}
							</Text>
						</UnorderedList.Item>
					))}
				</UnorderedList>
			) : null}
			<Text color={existing.length ? theme.warn : theme.muted} wrap="truncate-end">
				{existing.length
					? `${glyphs.warn} replaces ${existing.map((o) => o.file).join(", ")}; the current files are kept as <file>.<timestamp>.bak`
					: `Writes ${files} new files (${Math.round(composed.markdown.length / 1024)} KB section + handoff).`}
			</Text>
			<ErrorText message={state.error} />
			{view.mode === "confirm" ? (
				<Text bold wrap="truncate-end">
					{existing.length ? `Replace ${files} files (backups kept)? ` : `Write ${files} files? `}(
					<ConfirmInput
						isDisabled
						defaultChoice={existing.length ? "cancel" : "confirm"}
						onConfirm={() => {}}
						onCancel={() => {}}
					/>
					)
				</Text>
			) : null}
			{footer}
		</Box>
	);
}

/** The one short wait while the files are written. */
export function Writing() {
	return (
		<Text color={theme.muted}>
			<Spinner type="dots" /> Writing…
		</Text>
	);
}
