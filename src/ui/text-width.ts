// A fast path in front of string-width for the text this UI prints.
//
// string-width measures any non-ASCII string with Intl.Segmenter and Unicode property regexes (RGI_Emoji among them);
// the first such call costs about 13 ms while V8 builds those regexes, and every later one walks the string grapheme by
// grapheme. The bundle routes Ink's string-width through isNarrowText (scripts/fast-string-width.mjs): text made only
// of the characters below is as wide as it is long, which is what string-width itself answers for each of them (the
// test checks every one). Anything else still goes to string-width.

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
