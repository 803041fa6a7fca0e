// Step 5: decisions with provenance, warnings, the section outline, and what changes on disk. w writes.

import { Box, Text } from "ink";
import { useMemo, useState } from "react";
import { DECISION_IDS, DECISION_LABELS, decisionValue, displayValue } from "../../engine/decisions/spec";
import { checkSection } from "../../engine/output/check";
import { outline } from "../../engine/output/compose";
import type { WizardState } from "../../engine/wizard/state";
import type { WizardActions } from "../actions";
import { ErrorText } from "../components/ErrorText";
import { Footer } from "../components/Footer";
import { useKeys } from "../hooks/use-keys";
import { glyphs, theme } from "../theme";

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
	const [diagrams, setDiagrams] = useState(false);
	const [preview, setPreview] = useState<string[]>([]);
	const report = useMemo(() => checkSection(composed.markdown), [composed.markdown]);
	const showDiagrams = async () => {
		const { diagramPreview } = await import("../diagram-preview");
		setPreview(diagramPreview(composed.markdown));
	};
	useKeys((input, key) => {
		if (input === "d") {
			if (!diagrams) void showDiagrams();
			setDiagrams((v) => !v);
			return true;
		}
		if (input === "w") {
			actions.write(existing.length > 0);
			return true;
		}
		if (input === "e") {
			actions.dispatch({ type: "EDIT" });
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
	const warnings = composed.model.warnings.filter((w) => w.level === "warning");
	const open = composed.handoff.open_questions.length;
	const headings = outline(composed.markdown).filter((h) => h.level === 2);
	const fixedRows = DECISION_IDS.length + warnings.length + existing.length + 8;
	const outlineRows = Math.max(0, rows - fixedRows - 3);
	const twoColumns = columns >= 100;
	return (
		<Box flexDirection="column">
			<Box flexDirection={twoColumns ? "row" : "column"}>
				<Box flexDirection="column" width={twoColumns ? Math.floor(columns / 2) : undefined}>
					<Text bold>Decisions</Text>
					{DECISION_IDS.map((id) => (
						<Text key={id} wrap="truncate-end">
							{DECISION_LABELS[id]}:{" "}
							<Text color={theme.accent}>{displayValue(id, decisionValue(d, id))}</Text>
							<Text color={theme.muted}> ({d.provenance[id]})</Text>
						</Text>
					))}
					<Text color={theme.muted} wrap="truncate-end">
						{Object.keys(state.answers).length} answered, {open} open question{open === 1 ? "" : "s"} left
					</Text>
				</Box>
				{outlineRows > 0 ? (
					<Box flexDirection="column">
						<Text bold>Section outline</Text>
						{headings
							.slice(0, twoColumns ? Math.max(outlineRows, DECISION_IDS.length) : outlineRows)
							.map((h) => (
								<Text key={h.title} wrap="truncate-end" color={theme.muted}>
									{h.title} ({h.lines} lines)
								</Text>
							))}
					</Box>
				) : null}
			</Box>
			{diagrams ? (
				<Box flexDirection="column">
					{preview.slice(0, Math.max(4, rows - 6)).map((l, i) => (
						// biome-ignore lint/suspicious/noArrayIndexKey: static preview lines
						<Text key={i} wrap="truncate-end">
							{l || " "}
						</Text>
					))}
				</Box>
			) : null}
			<Text wrap="truncate-end" color={report.ok ? theme.ok : theme.error}>
				{report.ok ? glyphs.ok : glyphs.error} Check: rubric {report.rubricScore}/22;{" "}
				{report.ok
					? "all required checks pass"
					: `failing: ${report.requiredFailed.map((r) => `${r.id} ${r.label}`).join("; ")}`}
			</Text>
			{warnings.map((w) => (
				<Text key={w.message} color={theme.warn} wrap="truncate-end">
					{glyphs.warn} {w.message}
				</Text>
			))}
			{existing.length ? (
				existing.map((o) => (
					<Text key={o.file} color={theme.warn} wrap="truncate-end">
						{glyphs.warn} replaces {o.file}; the current file is kept as {o.file}.&lt;timestamp&gt;.bak
					</Text>
				))
			) : (
				<Text color={theme.muted} wrap="truncate-end">
					Writes {composed.files.length} new files ({Math.round(composed.markdown.length / 1024)} KB section +
					handoff).
				</Text>
			)}
			<ErrorText message={state.error} />
			<Box marginTop={1}>
				<Footer
					keys={[
						["w", existing.length ? "write (replace, with backup)" : "write"],
						["e", "edit decisions"],
						["d", diagrams ? "hide diagrams" : "preview diagrams"],
						["Esc", "back"],
						["q", "quit"],
					]}
				/>
			</Box>
		</Box>
	);
}
