// A fast path in front of string-width for the text this UI prints.
//
// string-width measures any non-ASCII string with Intl.Segmenter and Unicode property regexes (RGI_Emoji among them);
// the first such call costs about 13 ms while V8 builds those regexes, and every later one walks the string grapheme by
// grapheme. The bundle routes Ink's string-width through isNarrowText (scripts/fast-string-width.mjs): text made only
// of the characters below is as wide as it is long, which is what string-width itself answers for each of them (the
// test checks every one). Anything else still goes to string-width.

import stringWidth from "string-width";

/**
 * Printable ASCII; Latin-1 without the soft hyphen; Latin Extended and spacing modifiers; general punctuation (dashes,
 * quotes, bullets, ellipsis, ‹ ›); arrows; mathematical operators (≤ ≥); ⏎; box drawing, block elements and geometric
 * shapes except the two wide squares ◽ ◾; ⚠; ✓ ✔ ✕ ✖ ✗ ✘; ❯; Braille (the spinner).
 */
const NARROW =
	/^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2200-\u22ff\u23ce\u2500-\u25fc\u25ff\u26a0\u2713-\u2718\u276f\u2800-\u28ff]*$/;

/** True when every character of the text takes exactly one terminal column, so its width is its length. */
export function isNarrowText(text: string): boolean {
	return NARROW.test(text);
}

/**
 * The text cut to `width` columns, ending in "…" when it was wider. Wide characters (CJK, emoji) take two columns, so
 * a line of them is cut by its width, not its length: a multi-line Text with one line too wide would make Ink cut
 * the whole block as if it were one line.
 */
export function fitToWidth(text: string, width: number): string {
	const room = Math.max(1, width);
	if (isNarrowText(text)) return text.length > room ? `${text.slice(0, room - 1)}…` : text;
	if (stringWidth(text) <= room) return text;
	let out = "";
	let used = 0;
	// Code point by code point: a cluster (an emoji sequence, say) may count wider than it shows, never narrower.
	for (const ch of text) {
		const w = stringWidth(ch);
		if (used + w > room - 1) break;
		out += ch;
		used += w;
	}
	return `${out}…`;
}

/**
 * Word-wraps text into lines of at most `width` columns, at most `maxLines` of them (the last ends in "…" when text
 * was left out). Used where the rows a text takes must be known before Ink lays it out.
 */
export function wrapToWidth(text: string, width: number, maxLines: number): string[] {
	const room = Math.max(4, width);
	const lines: string[] = [];
	let line = "";
	const words = text.split(/\s+/).filter(Boolean);
	for (let i = 0; i < words.length; i++) {
		let word = words[i]!;
		while (stringWidth(word) > room) {
			if (line) {
				lines.push(line);
				line = "";
			}
			const head = fitToWidth(word, room + 1).replace(/…$/, "");
			lines.push(head);
			word = word.slice(head.length);
		}
		const candidate = line ? `${line} ${word}` : word;
		if (stringWidth(candidate) <= room) line = candidate;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line) lines.push(line);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, Math.max(1, maxLines));
	kept[kept.length - 1] = fitToWidth(`${kept[kept.length - 1]} …`, room);
	return kept;
}
