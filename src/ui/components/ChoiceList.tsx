// A single-choice list: the recommended option first and marked; the focused option's note below it, wrapped with a
// hanging indent and cut to the rows there are.

import { Box, Text } from "ink";
import { wrapToWidth } from "../text-width";
import { glyphs, theme, useUiTheme } from "../theme";

export interface ChoiceItem {
	value: string;
	label: string;
	note: string;
	recommended?: boolean;
}

/** How many options and note lines fit in `rows`: the note gets 1–4 lines, the options the rest. */
export function choiceRows(
	count: number,
	rows: number,
): { visible: number; noteRows: number; counter: boolean } {
	const noteRows = Math.max(1, Math.min(4, rows - count));
	const counter = count > rows - noteRows;
	const visible = Math.max(1, Math.min(count, rows - noteRows - (counter ? 1 : 0)));
	return { visible, noteRows, counter };
}

export function ChoiceList({
	items,
	focused,
	rows,
	width,
}: {
	items: ChoiceItem[];
	focused: number;
	/** Rows the list may take, the focused note included. */
	rows: number;
	width: number;
}) {
	const ui = useUiTheme();
	const { visible, noteRows, counter } = choiceRows(items.length, rows);
	const start = Math.max(0, Math.min(focused - Math.floor(visible / 2), items.length - visible));
	const shown = items.slice(start, start + visible);
	return (
		<Box flexDirection="column">
			{shown.map((item, i) => {
				const on = start + i === focused;
				return (
					<Box key={item.value} flexDirection="column">
						<Text wrap="truncate-end" color={on ? theme.focus : undefined} bold={on}>
							{on ? glyphs.pointer : " "} {item.label}
							{item.recommended ? (
								<Text color={theme.recommended}>{ui.noColor ? " [recommended]" : " (recommended)"}</Text>
							) : null}
						</Text>
						{on && item.note ? (
							<Box paddingLeft={3}>
								<Text color={theme.muted}>{wrapToWidth(item.note, width - 3, noteRows).join("\n")}</Text>
							</Box>
						) : null}
					</Box>
				);
			})}
			{counter ? <Text color={theme.muted}>{`   ${focused + 1}/${items.length}`}</Text> : null}
		</Box>
	);
}
