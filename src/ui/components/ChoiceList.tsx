// A single-choice list: the recommended option first and marked; the focused option's note below.

import { Box, Text } from "ink";
import { glyphs, theme } from "../theme";

export interface ChoiceItem {
	value: string;
	label: string;
	note: string;
	recommended?: boolean;
}

export function ChoiceList({
	items,
	focused,
	maxVisible,
}: {
	items: ChoiceItem[];
	focused: number;
	maxVisible: number;
}) {
	const start = Math.max(0, Math.min(focused - Math.floor(maxVisible / 2), items.length - maxVisible));
	const visible = items.slice(start, start + maxVisible);
	return (
		<Box flexDirection="column">
			{visible.map((item, i) => {
				const index = start + i;
				const on = index === focused;
				return (
					<Box key={item.value} flexDirection="column">
						<Text wrap="truncate-end" color={on ? theme.focus : undefined} bold={on}>
							{on ? glyphs.pointer : " "} {item.label}
							{item.recommended ? <Text color={theme.recommended}> (recommended)</Text> : null}
						</Text>
						{on ? (
							<Text wrap="wrap" color={theme.muted}>
								{"   "}
								{item.note}
							</Text>
						) : null}
					</Box>
				);
			})}
			{items.length > maxVisible ? (
				<Text color={theme.muted}>{`   ${start + visible.length}/${items.length}`}</Text>
			) : null}
		</Box>
	);
}
