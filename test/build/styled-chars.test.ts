// Ink's output goes through src/ui/styled-chars.ts in the bundle: each function must answer exactly what
// @alcalzone/ansi-tokenize answers, for plain text, styled text and anything else.

import * as real from "@alcalzone/ansi-tokenize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { missingPatches } from "../../scripts/bundle-plugins.mjs";
import { styledCharsFromTokens, styledCharsToString, tokenize } from "../../src/ui/styled-chars";
import { isNarrowText } from "../../src/ui/text-width";

const PIECES = [
	"a",
	"Z",
	" ",
	"─",
	"╭",
	"⠋",
	"✔",
	"…",
	"é",
	"中",
	"😀",
	"e\u0301",
	"👍🏽",
	"\u001b[31m",
	"\u001b[1m",
	"\u001b[2m",
	"\u001b[22m",
	"\u001b[39m",
	"\u001b[0m",
	"\u001b[1;4;38;2;10;20;30m",
	"\u001b]8;;https://example.com\u0007",
	"\u001b]8;;\u0007",
	"\u001b[",
	"\u001b",
];
const text = fc
	.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 40 })
	.map((p) => p.join(""));

describe("Ink's output without per-character copies", () => {
	it("tokenize: the same tokens for every one-column character and for any text", () => {
		const wrong: string[] = [];
		for (let c = 0; c <= 0xffff; c++) {
			const ch = String.fromCharCode(c);
			if (!isNarrowText(ch)) continue;
			for (const s of [ch, `${ch}${ch}`, `a${ch}b`])
				if (JSON.stringify(tokenize(s)) !== JSON.stringify(real.tokenize(s))) wrong.push(c.toString(16));
		}
		expect(wrong).toEqual([]);
		fc.assert(
			fc.property(text, fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }), (s, end) => {
				expect(tokenize(s, end)).toEqual(real.tokenize(s, end));
			}),
			{ numRuns: 2000 },
		);
	});

	it("styled characters and the string made back from them are the package's", () => {
		fc.assert(
			fc.property(text, (s) => {
				const chars = styledCharsFromTokens(tokenize(s));
				expect(chars).toEqual(real.styledCharsFromTokens(real.tokenize(s)));
				expect(styledCharsToString(chars)).toBe(real.styledCharsToString(chars));
			}),
			{ numRuns: 2000 },
		);
	});

	it("a row mixing cells of different origins (Ink fills blanks with cells of their own) joins the same way", () => {
		const blank = () => ({ type: "char" as const, value: " ", fullWidth: false, styles: [] });
		fc.assert(
			fc.property(fc.array(fc.oneof(text, fc.constant(" ")), { maxLength: 6 }), (parts) => {
				const row = parts.flatMap((p) => (p === " " ? [blank()] : styledCharsFromTokens(tokenize(p))));
				expect(styledCharsToString(row)).toBe(real.styledCharsToString(row));
			}),
			{ numRuns: 1000 },
		);
	});

	it("characters of one style share their codes, and no function changes them", () => {
		const chars = styledCharsFromTokens(tokenize("\u001b[31mred\u001b[39m plain"));
		expect(chars[0]!.styles).toBe(chars[2]!.styles);
		const before = JSON.stringify(chars);
		styledCharsToString(chars);
		expect(JSON.stringify(chars)).toBe(before);
	});

	it("the build refuses a bundle where Ink's output does not go through it", () => {
		const inputs = { "fast-string-width:x": {}, "x.js": {} };
		expect(missingPatches({ inputs, outputs: {} } as never, [])).toContain(
			"Ink's output without per-character copies (fast-ansi-tokenize) is not in the bundle",
		);
	});
});
