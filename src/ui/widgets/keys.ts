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

/** Runs of typed text up to this long are keys typed ahead, one by one; longer ones are a paste. */
const TYPED_AHEAD_MAX = 8;

/** One control character as the key Ink would report for it alone. */
function controlKey(ch: string): KeyPress {
	if (ch === "\r" || ch === "\n") return keyPress("", { return: true });
	if (ch === "\t") return keyPress("", { tab: true });
	// Ink's names: DEL (the Backspace key) is `delete`, BS is `backspace`.
	if (ch === "\u007f") return keyPress("", { delete: true });
	if (ch === "\b") return keyPress("", { backspace: true });
	return keyPress(String.fromCharCode(ch.charCodeAt(0) + 96), { ctrl: true });
}

/**
 * Keys typed ahead reach Ink as one chunk when the process was busy ("4h\r", "\t\t", "  "): split it into the keys
 * it was, in order, so each acts as if typed alone. A long run of text is a paste (unbracketed) and stays one insert.
 */
export function splitTypedText(raw: string): KeyPress[] {
	const out: KeyPress[] = [];
	for (const part of raw.match(/\r\n|[\u0000-\u001f\u007f]|[^\u0000-\u001f\u007f]+/g) ?? []) {
		if (part === "\r\n") out.push(controlKey("\r"));
		else if (/^[\u0000-\u001f\u007f]$/.test(part)) out.push(controlKey(part));
		else if (part.length <= TYPED_AHEAD_MAX && raw.length <= TYPED_AHEAD_MAX * 4)
			for (const ch of part) out.push(keyPress(ch, /[A-Z]/.test(ch) ? { shift: true } : {}));
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
