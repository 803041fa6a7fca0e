// A multiple-choice list (environments): space toggles, enter confirms.

import { Box, Text } from "ink";
import { glyphs, theme } from "../theme";

export function CheckList({
	items,
	checked,
	focused,
}: {
	items: { value: string; note: string }[];
	checked: ReadonlySet<string>;
	focused: number;
}) {
	return (
		<Box flexDirection="column">
			{items.map((item, i) => (
				<Text key={item.value} wrap="truncate-end" color={i === focused ? theme.focus : undefined}>
					{i === focused ? glyphs.pointer : " "} {checked.has(item.value) ? glyphs.checked : glyphs.unchecked}{" "}
					{item.value}
					<Text color={theme.muted}> — {item.note}</Text>
				</Text>
			))}
		</Box>
	);
}
