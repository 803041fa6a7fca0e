// A one-line text field's view: the value scrolled to keep the cursor in sight, the suggestion dimmed (or in ‹ › without
// colour), a counter near the length cap. The state lives in widgets/text-field.ts.

import { Box, Text } from "ink";
import { glyphs, theme, useUiTheme } from "../theme";
import { TEXT_FIELD_COUNTER_FROM, TEXT_FIELD_MAX, type TextFieldState } from "../widgets/text-field";

export interface TextFieldProps {
	state: TextFieldState;
	/** Columns for the field, prompt included. */
	width: number;
	/** Shown when the field is empty and has no suggestion. */
	placeholder?: string;
	/** What the suggestion is, after it: "recommended". */
	suggestionLabel?: string;
}

/** The part of `value` that fits in `room` columns with the cursor inside it. */
export function visibleWindow(value: string, cursor: number, room: number): { start: number; end: number } {
	if (value.length < room) return { start: 0, end: value.length };
	const start = Math.max(0, Math.min(cursor - Math.floor(room * 0.7), value.length - room + 1));
	return { start, end: Math.min(value.length, start + room - 1) };
}

export function TextField({ state, width, placeholder, suggestionLabel = "suggested" }: TextFieldProps) {
	const ui = useUiTheme();
	const prompt = <Text color={theme.accent}>{"> "}</Text>;
	const cursorAt = (ch: string) =>
		ui.noColor ? (
			<Text>
				{ui.cursorGlyph}
				{ch === " " ? "" : ch}
			</Text>
		) : (
			<Text inverse>{ch}</Text>
		);
	if (state.suggesting && state.suggestion) {
		const s = ui.placeholder(state.suggestion);
		return (
			<Text wrap="truncate-end">
				{prompt}
				{ui.noColor ? (
					<Text>
						{ui.cursorGlyph}
						{s}
					</Text>
				) : (
					<Text dimColor>
						<Text inverse>{s[0]}</Text>
						{s.slice(1)}
					</Text>
				)}
				<Text color={theme.muted}>
					{"  "}({suggestionLabel}: Enter takes it, typing replaces it, → edits it)
				</Text>
			</Text>
		);
	}
	const room = Math.max(4, width - 3);
	const { value, cursor } = state;
	const { start, end } = visibleWindow(value, cursor, room);
	const before = value.slice(start, cursor);
	const at = value[cursor] ?? " ";
	const after = value.slice(cursor + 1, end);
	const near = value.length >= TEXT_FIELD_COUNTER_FROM;
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				{prompt}
				{start > 0 ? <Text color={theme.muted}>…</Text> : null}
				{value.length === 0 && placeholder ? (
					<>
						{cursorAt(" ")}
						<Text color={theme.muted}>{ui.placeholder(placeholder)}</Text>
					</>
				) : (
					<>
						{before}
						{cursorAt(at)}
						{after}
					</>
				)}
				{end < value.length ? <Text color={theme.muted}>…</Text> : null}
			</Text>
			{state.cut ? (
				<Text color={theme.warn} wrap="truncate-end">
					{glyphs.warn} Cut at {TEXT_FIELD_MAX} characters: the rest of the paste did not fit.
				</Text>
			) : near ? (
				<Text color={theme.muted} wrap="truncate-end">
					{value.length}/{TEXT_FIELD_MAX} characters
				</Text>
			) : null}
		</Box>
	);
}
