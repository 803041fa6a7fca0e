// The keys that work on the current screen, always at the bottom.

import { Box, Text } from "ink";
import { theme } from "../theme";

export function Footer({ keys }: { keys: [string, string][] }) {
	return (
		<Box>
			<Text wrap="truncate-end">
				{keys.map(([k, label], i) => (
					<Text key={k}>
						{i > 0 ? "  " : ""}
						<Text color={theme.accent} bold>
							{k}
						</Text>
						<Text color={theme.muted}> {label}</Text>
					</Text>
				))}
			</Text>
		</Box>
	);
}
