// A one-line text field (the screen owns its value and edits it with editLine).

import { Text } from "ink";
import { theme } from "../theme";

export function LineInput({ value, placeholder }: { value: string; placeholder?: string }) {
	return (
		<Text wrap="truncate-start">
			<Text color={theme.accent}>{"> "}</Text>
			{value ? <Text>{value}</Text> : <Text color={theme.muted}>{placeholder ?? ""}</Text>}
			<Text inverse> </Text>
		</Text>
	);
}
