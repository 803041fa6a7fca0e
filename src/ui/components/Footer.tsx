// The keys that work on the current screen, always at the bottom: as many as fit the width, then "? more".

import { Box, Text } from "ink";
import { useTerminalSize } from "../hooks/use-terminal-size";
import { theme } from "../theme";

const GAP = 2;

/** The entries that fit in `width` columns; when some do not, the last one shown is "? more keys". */
export function fitKeys(keys: [string, string][], width: number, helpKey = "?"): [string, string][] {
	const MORE: [string, string] = [helpKey, "more keys"];
	const size = ([k, l]: [string, string]) => k.length + 1 + l.length;
	const total = keys.reduce((n, e, i) => n + size(e) + (i ? GAP : 0), 0);
	if (total <= width) return keys;
	const out: [string, string][] = [];
	let used = size(MORE);
	for (const e of keys) {
		if (e[0] === helpKey) continue;
		if (used + GAP + size(e) > width) break;
		out.push(e);
		used += GAP + size(e);
	}
	return [...out, MORE];
}

/** `helpKey`: F1 where `?` is typed as text. */
export function Footer({ keys, helpKey = "?" }: { keys: [string, string][]; helpKey?: string }) {
	const { columns } = useTerminalSize();
	const shown = fitKeys(keys, columns, helpKey);
	return (
		<Box>
			<Text wrap="truncate-end">
				{shown.map(([k, label], i) => (
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
