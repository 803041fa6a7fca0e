// An error line under a field or a screen; nothing when there is no error.

import { Text } from "ink";
import { glyphs, theme } from "../theme";

export function ErrorText({ message }: { message: string | undefined }) {
	if (!message) return null;
	return (
		<Text color={theme.error} wrap="wrap">
			{glyphs.error} {message}
		</Text>
	);
}
