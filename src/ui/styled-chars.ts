// Ink turns every line of every frame into one object per character (@alcalzone/ansi-tokenize) and back into a string.
// The bundle routes Ink's output through these three functions (scripts/bundle-plugins.mjs): they give the same result
// as the package's own (the test compares them), with less work for the common case of plain, one-column text.

import {
	type AnsiCode,
	ansiCodesToString,
	diffAnsiCodes,
	reduceAnsiCodesIncremental,
	type StyledChar,
	type Token,
	tokenize as tokenizeAll,
} from "@alcalzone/ansi-tokenize";
import { isNarrowText } from "./text-width";

/**
 * Text made only of one-column characters has no escape sequence and one grapheme per UTF-16 unit: one token each,
 * without the grapheme segmenter. Anything else goes to the package.
 */
export function tokenize(str: string, endChar?: number): Token[] {
	if ((endChar !== undefined && endChar !== Number.POSITIVE_INFINITY) || !isNarrowText(str))
		return tokenizeAll(str, endChar);
	const out: Token[] = new Array(str.length);
	for (let i = 0; i < str.length; i++) out[i] = { type: "char", value: str[i]!, fullWidth: false };
	return out;
}

/** As the package's, but characters of one style share one array of codes instead of a copy each (none is changed). */
export function styledCharsFromTokens(tokens: Token[]): StyledChar[] {
	let codes: AnsiCode[] = [];
	const out: StyledChar[] = [];
	for (const token of tokens) {
		if (token.type === "ansi") codes = reduceAnsiCodesIncremental(codes, [token]);
		else out.push({ type: "char", value: token.value, fullWidth: token.fullWidth, styles: codes });
	}
	return out;
}

/** As the package's, but a character in the same style as the one before adds no codes without comparing them. */
export function styledCharsToString(chars: StyledChar[]): string {
	let out = "";
	let before: AnsiCode[] = [];
	for (let i = 0; i < chars.length; i++) {
		const { styles, value } = chars[i]!;
		if (styles !== before && (styles.length > 0 || before.length > 0))
			out += ansiCodesToString(i === 0 ? styles : diffAnsiCodes(before, styles));
		out += value;
		before = styles;
	}
	if (before.length > 0) out += ansiCodesToString(diffAnsiCodes(before, []));
	return out;
}
