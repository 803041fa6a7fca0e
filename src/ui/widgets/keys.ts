// One key press as the dispatcher hands it to a screen: Ink's parsed key plus what Ink's parsing loses.

import type { Key } from "ink";

export interface KeyPress {
	input: string;
	key: Key;
	/** The Delete key (ESC [3~): Ink reports it and Backspace alike, as `delete`. */
	forwardDelete?: boolean;
	/** Text that arrived as a bracketed paste: its line breaks are not Enter. */
	paste?: boolean;
	/** F1 (help where `?` is text, in a text field). */
	f1?: boolean;
}

const NO_KEY: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** A key press from parts, for the dispatcher's own presses (Enter split out of typed-ahead text, a paste). */
export function keyPress(input: string, key: Partial<Key> = {}, extra: Partial<KeyPress> = {}): KeyPress {
	return { input, key: { ...NO_KEY, ...key }, ...extra };
}

/** Forward Delete in its xterm, rxvt and modified forms. */
export function isForwardDelete(raw: string): boolean {
	return /^\u001b\[3(?:;\d+)?[~$^]$/.test(raw);
}

/** F1 in its xterm, VT220 and Linux console forms. */
export function isF1(raw: string): boolean {
	return raw === "\u001bOP" || raw === "\u001b[11~" || raw === "\u001b[[A";
}

export const PASTE_START = "\u001b[200~";
export const PASTE_END = "\u001b[201~";

/**
 * Typed-ahead text reaches Ink as one chunk ("4h\r"); split it into its text and its Enter presses, so the text is
 * typed and Enter confirms, in order. A lone line feed is Enter too (Ctrl+J, or Enter typed before raw mode).
 */
export function splitTypedText(raw: string): KeyPress[] {
	const out: KeyPress[] = [];
	for (const part of raw.split(/(\r\n|\r|\n)/)) {
		if (!part) continue;
		if (/^(\r\n|\r|\n)$/.test(part)) out.push(keyPress("", { return: true }));
		else out.push(keyPress(part));
	}
	return out;
}

/** Up/Down (and k/j) move, for every list. */
export function verticalMove(k: KeyPress): -1 | 1 | 0 {
	if (k.key.upArrow) return -1;
	if (k.key.downArrow) return 1;
	return 0;
}
