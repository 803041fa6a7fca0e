// Editing a one-line text field from key presses: a pure function the screens call.

import type { Key } from "ink";

/**
 * The new value after a key, or undefined when the key is not an edit.
 * `pristine`: the value is a prefilled default, so the first keystroke replaces it.
 */
export function editLine(value: string, input: string, key: Key, pristine = false): string | undefined {
	if (key.backspace || key.delete) return pristine ? "" : value.slice(0, -1);
	if ((key.ctrl && input === "u") || input === "\u0015") return "";
	if (
		key.return ||
		key.escape ||
		key.tab ||
		key.upArrow ||
		key.downArrow ||
		key.leftArrow ||
		key.rightArrow ||
		key.pageUp ||
		key.pageDown ||
		key.ctrl ||
		key.meta
	) {
		return undefined;
	}
	// Typed or pasted text: keep printable characters only, on one line.
	const text = input.replace(/[\r\n]+/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
	return text ? ((pristine ? "" : value) + text).slice(0, 500) : undefined;
}
