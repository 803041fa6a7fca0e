// Step 1: every input with its state — found (what was learned), missing (what is assumed), invalid (where and why).

import { Box, Text } from "ink";
import type { PreflightReport } from "../../engine/inputs/preflight";
import type { UnderstoodLine } from "../../engine/inputs/understood";
import type { EarlyActions } from "../actions";
import { Footer } from "../components/Footer";
import { useKeys } from "../hooks/use-keys";
import { glyphs, theme } from "../theme";

const MARK = {
	found: [glyphs.ok, theme.ok],
	missing: [glyphs.warn, theme.warn],
	invalid: [glyphs.error, theme.error],
} as const;

export function PreflightStep({
	report,
	actions,
	rows,
	notGenesis,
	understood,
}: {
	report: PreflightReport;
	actions: EarlyActions;
	rows: number;
	notGenesis: boolean;
	/** What the inputs say, with where each fact came from (once the context is built). */
	understood?: UnderstoodLine[];
}) {
	useKeys((input, key) => {
		if (key.return) {
			actions.continueFromPreflight();
			return true;
		}
		if (input === "q") {
			actions.quit(130);
			return true;
		}
		return false;
	});
	// Two lines per input when they fit (one when the terminal is short); notes get whatever rows are left.
	const fixed = report.existingOutputs.length + (notGenesis ? 1 : 0) + 3;
	const compact = rows < report.inputs.length * 2 + fixed;
	let budget = Math.max(0, rows - report.inputs.length * (compact ? 1 : 2) - fixed);
	// Flagged facts (conflicts, guesses, dropped items) first, then the rest, in the rows the inputs leave.
	const facts = understood
		? [
				...understood.filter((l) => l.flag && l.flag !== "text"),
				...understood.filter((l) => !l.flag || l.flag === "text"),
			]
		: [];
	const factRows = facts.length ? Math.min(facts.length + 1, Math.max(0, Math.floor(budget / 2))) : 0;
	budget -= factRows;
	const shownFacts = facts.slice(0, Math.max(0, factRows - 1));
	return (
		<Box flexDirection="column">
			{notGenesis ? (
				<Text color={theme.warn} wrap="truncate-end">
					{glyphs.warn} No genesis_output/ or genesis_sources/ folder here; treating this folder as the
					project.
				</Text>
			) : null}
			{report.inputs.map((input) => {
				const [mark, color] = MARK[input.state];
				const more = input.notes.length > budget ? 1 : 0;
				const notes = input.notes.slice(0, Math.max(0, budget - more));
				budget -= notes.length;
				const showMore = input.notes.length > notes.length && budget > 0;
				if (showMore) budget -= 1;
				if (compact) {
					return (
						<Text key={input.id} wrap="truncate-end">
							<Text color={color}>{mark} </Text>
							<Text bold>{input.label}</Text>: {input.summary}
						</Text>
					);
				}
				return (
					<Box key={input.id} flexDirection="column">
						<Text wrap="truncate-end">
							<Text color={color}>{mark} </Text>
							<Text bold>{input.label}</Text>
							<Text color={theme.muted}> {input.file}</Text>
						</Text>
						<Text wrap="truncate-end">
							{"  "}
							{input.summary}
						</Text>
						{notes.map((n) => (
							<Text key={n} wrap="truncate-end" color={theme.muted}>
								{"    · "}
								{n}
							</Text>
						))}
						{showMore ? (
							<Text color={theme.muted}>{`    · …and ${input.notes.length - notes.length} more`}</Text>
						) : null}
					</Box>
				);
			})}
			{shownFacts.length ? (
				<Box flexDirection="column">
					<Text wrap="truncate-end" bold>
						What the inputs say
						{shownFacts.length < facts.length
							? ` (${shownFacts.length} of ${facts.length}; --plain lists all)`
							: ""}
					</Text>
					{shownFacts.map((l) => (
						<Text key={`${l.label}:${l.value}:${l.source}`} wrap="truncate-end">
							<Text color={l.flag && l.flag !== "text" ? theme.warn : theme.muted}>
								{l.flag && l.flag !== "text" ? `${glyphs.warn} ` : "  "}
							</Text>
							{l.label}: {l.value}
							<Text color={theme.muted}>
								{" "}
								— {l.source}
								{l.flag === "text" ? " (free text)" : l.flag === "assumed" ? " (assumed)" : ""}
							</Text>
						</Text>
					))}
				</Box>
			) : null}
			{report.existingOutputs.map((o) => (
				<Text key={o.file} color={theme.warn} wrap="truncate-end">
					{glyphs.warn} {o.file} exists: replaced only if you confirm (backup kept).
				</Text>
			))}
			<Box marginTop={1}>
				<Footer
					keys={[
						["Enter", "start research"],
						["q", "quit"],
					]}
				/>
			</Box>
		</Box>
	);
}
