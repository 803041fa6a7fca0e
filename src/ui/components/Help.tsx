// The `?` overlay: every key of the current step and the keys that work everywhere, packed to the terminal's width
// and cut to its height. It takes the screen's place; the screen stays mounted underneath.

import { Box, Text } from "ink";
import type { Step } from "../../engine/wizard/state";
import { useKeys } from "../hooks/use-keys";
import { theme, useUiTheme } from "../theme";

type Keys = [string, string][];

const TEXT_FIELD: Keys = [
	["←→", "move the cursor"],
	["Home/End Ctrl+A/E", "start/end"],
	["Backspace", "delete before"],
	["Delete", "delete at the cursor"],
	["Ctrl+W Alt+Backspace", "delete a word"],
	["Ctrl+U", "delete to the start"],
	["Ctrl+K", "delete to the end"],
];

export const STEP_KEYS: Record<Step | "resume", Keys> = {
	resume: [
		["↑↓", "choose"],
		["Enter", "confirm"],
		["q", "quit"],
	],
	preflight: [
		["Enter", "start research"],
		["q", "quit"],
	],
	research: [
		["Enter", "continue (when all are done)"],
		["Tab ←→", "focus a panel"],
		["↑↓ PgUp PgDn End", "scroll"],
		["f", "expand / all panels"],
		["a", "choose the backend"],
		["p", "show the prompt"],
		["c", "cancel a running task"],
		["r / b", "retry / built-in instead"],
		["q", "quit"],
	],
	decisions: [
		["↑↓", "choose"],
		["Space", "tick (environments)"],
		["Enter", "confirm"],
		["Esc", "previous decision"],
		...TEXT_FIELD,
	],
	questions: [
		["Enter", "answer (empty skips)"],
		["Tab", "skip"],
		["Esc", "previous question"],
		...TEXT_FIELD,
	],
	review: [
		["Enter", "write (asks first)"],
		["w", "write now"],
		["e", "edit one item"],
		["d", "preview the diagrams"],
		["Esc", "back"],
		["q", "quit"],
	],
	writing: [],
	done: [],
};

const EVERYWHERE: Keys = [
	["? (F1 in a text field)", "this help"],
	["Ctrl+Z", "suspend (fg resumes)"],
	["Ctrl+C", "quit (progress is saved)"],
];

/** Entries packed into lines of `width` columns, two spaces apart. */
export function packKeys(keys: Keys, width: number): string[] {
	const lines: string[] = [];
	let line = "";
	for (const [k, label] of keys) {
		const entry = `${k} ${label}`;
		if (!line) line = entry;
		else if (line.length + 3 + entry.length <= width) line = `${line}  · ${entry}`;
		else {
			lines.push(line);
			line = entry;
		}
	}
	if (line) lines.push(line);
	return lines;
}

export function HelpOverlay({
	step,
	rows,
	columns,
}: {
	step: Step | "resume";
	rows: number;
	columns: number;
}) {
	const ui = useUiTheme();
	const inner = columns - 4;
	// One entry a line when there is room for it; packed when not.
	const all = [...STEP_KEYS[step], ...EVERYWHERE];
	const room = Math.max(1, rows - 4);
	const lines =
		all.length <= room ? all.map(([k, l]) => `${k.padEnd(22)} ${l}`.slice(0, inner)) : packKeys(all, inner);
	const shown =
		lines.length > room ? [...lines.slice(0, room - 1), "… enlarge the terminal for the rest"] : lines;
	return (
		<Box flexDirection="column" borderStyle={ui.focusBorder} borderColor={theme.focus} paddingX={1}>
			<Text bold wrap="truncate-end">
				Keys
			</Text>
			<Text wrap="truncate-end">{shown.join("\n")}</Text>
			<Text color={theme.muted} wrap="truncate-end">
				? F1 or Esc closes
			</Text>
		</Box>
	);
}

/** Opens the help on `?` when the screen did not want the key (a text field types it); while open, takes every key. */
export function HelpKeys({ open, setOpen }: { open: boolean; setOpen: (open: boolean) => void }) {
	useKeys((input, key, press) => {
		if (!open) return false;
		if (input === "?" || press.f1 || key.escape || key.return || input === "q") setOpen(false);
		return true;
	}, 1);
	useKeys((input, _key, press) => {
		if (open || (input !== "?" && !press.f1)) return false;
		setOpen(true);
		return true;
	}, -1);
	return null;
}
