// The widgets' reducers and key maps, without rendering: every edit key, the suggestion, the cap, the lists.

import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { keyPress, splitTypedText } from "../../src/ui/widgets/keys";
import {
	checkedValues,
	checkKeyAction,
	initCheck,
	initChoice,
	reduceCheck,
	reduceChoice,
} from "../../src/ui/widgets/list";
import {
	initTextField,
	reduceTextField,
	submittedText,
	TEXT_FIELD_MAX,
	type TextFieldState,
	textFieldKeyAction,
} from "../../src/ui/widgets/text-field";

/** Applies presses the way the screen does: key → action → reducer, in order. */
function type(state: TextFieldState, ...presses: ReturnType<typeof keyPress>[]): TextFieldState {
	return presses.reduce((s, p) => {
		const a = textFieldKeyAction(p);
		return a ? reduceTextField(s, a) : s;
	}, state);
}
const k = (input: string, key: Partial<Key> = {}) => keyPress(input, key);
const text = (s: string) => k(s);

describe("text field", () => {
	it("moves the cursor and inserts there: ←→, Home/End, Ctrl+A/E", () => {
		let s = type(initTextField(undefined), text("2h"));
		expect(s).toMatchObject({ value: "2h", cursor: 2 });
		s = type(s, k("", { leftArrow: true }), text("4"));
		expect(s).toMatchObject({ value: "24h", cursor: 2 });
		s = type(s, k("", { home: true }), text("1"));
		expect(s).toMatchObject({ value: "124h", cursor: 1 });
		s = type(s, k("e", { ctrl: true }), text("!"), k("a", { ctrl: true }), text(">"));
		expect(s).toMatchObject({ value: ">124h!", cursor: 1 });
		s = type(s, k("", { end: true }), k("", { rightArrow: true }));
		expect(s.cursor).toBe(6);
	});

	it("Backspace deletes before the cursor, forward Delete at it (Ink reports both as delete)", () => {
		let s = type(initTextField("abcd"), k("", { leftArrow: true }), k("", { leftArrow: true }));
		s = type(s, k("", { delete: true }));
		expect(s).toMatchObject({ value: "acd", cursor: 1 });
		s = type(s, keyPress("", { delete: true }, { forwardDelete: true }));
		expect(s).toMatchObject({ value: "ad", cursor: 1 });
	});

	it("Ctrl+W and Alt+Backspace delete a word; Ctrl+U to the start; Ctrl+K to the end", () => {
		let s = type(initTextField("one two  three"), k("w", { ctrl: true }));
		expect(s.value).toBe("one two  ");
		s = type(s, k("", { delete: true, meta: true }));
		expect(s.value).toBe("one ");
		s = type(initTextField("left right"), k("", { leftArrow: true }), k("", { leftArrow: true }));
		s = type(s, k("u", { ctrl: true }));
		expect(s).toMatchObject({ value: "ht", cursor: 0 });
		s = type(
			initTextField("left right"),
			k("a", { ctrl: true }),
			k("", { rightArrow: true }),
			k("k", { ctrl: true }),
		);
		expect(s.value).toBe("l");
	});

	it("a paste's line breaks become spaces; control characters are dropped", () => {
		const s = type(
			initTextField(undefined),
			keyPress("line one\r\nline two\nthree\u0007", {}, { paste: true }),
		);
		expect(s.value).toBe("line one line two three");
	});

	it("a long paste is cut at the cap, after a whole word, and the field says it was cut", () => {
		const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
		const s = type(initTextField(undefined), text(words));
		expect(s.value.length).toBeLessThanOrEqual(TEXT_FIELD_MAX);
		expect(s.value.length).toBeGreaterThan(TEXT_FIELD_MAX * 0.8);
		expect(words.startsWith(s.value)).toBe(true);
		expect(words[s.value.length]).toBe(" ");
		expect(s.cut).toBe(true);
		expect(type(s, k("", { delete: true })).cut).toBe(false);
	});

	it("a suggestion is submitted untouched, replaced by the first typed key, taken in by →", () => {
		const s = initTextField(undefined, "2h");
		expect(submittedText(s)).toBe("2h");
		expect(submittedText(type(s, text("4")))).toBe("4");
		expect(submittedText(type(s, k("", { delete: true })))).toBe("");
		const taken = type(s, k("", { rightArrow: true }), k("", { delete: true }), text("4h"));
		expect(submittedText(taken)).toBe("24h");
	});

	it("a saved answer is edited in place: Backspace takes one character, typing appends", () => {
		const s = initTextField("Not before launch", "ignored");
		expect(type(s, k("", { delete: true })).value).toBe("Not before launc");
		expect(type(s, text("!")).value).toBe("Not before launch!");
	});

	it("keys the field does not own are left to the screen", () => {
		for (const key of [
			{ return: true },
			{ escape: true },
			{ tab: true },
			{ upArrow: true },
			{ downArrow: true },
		])
			expect(textFieldKeyAction(k("", key))).toBeUndefined();
	});
});

describe("lists", () => {
	it("a choice wraps around and keeps the latest focus through a burst", () => {
		let s = initChoice(3, 2);
		s = reduceChoice(s, { type: "move", by: 1 });
		expect(s.focused).toBe(0);
		s = reduceChoice(reduceChoice(s, { type: "move", by: -1 }), { type: "move", by: -1 });
		expect(s.focused).toBe(1);
	});

	it("a checklist toggles the focused row: Down then Space ticks the second", () => {
		let s = initCheck(["development", "preview", "production"], ["development", "production"]);
		for (const p of [k("", { downArrow: true }), k(" ")]) s = reduceCheck(s, checkKeyAction(p)!);
		expect(checkedValues(s)).toEqual(["development", "preview", "production"]);
	});
});

describe("typed-ahead keys", () => {
	it("Tabs, spaces and letters that arrive together are each a key; a long run is one paste", () => {
		expect(splitTypedText("\t\t").map((p) => p.key.tab)).toEqual([true, true]);
		expect(splitTypedText("  ").map((p) => p.input)).toEqual([" ", " "]);
		expect(splitTypedText("\u007fx").map((p) => [p.input, p.key.delete])).toEqual([
			["", true],
			["x", false],
		]);
		expect(splitTypedText("\u0017").map((p) => [p.input, p.key.ctrl])).toEqual([["w", true]]);
		const paste = "a sentence longer than a few keys";
		expect(splitTypedText(paste).map((p) => p.input)).toEqual([paste]);
	});

	it("text and Enter typed together are split into the text, then Enter", () => {
		const presses = splitTypedText("4h\r");
		expect(presses.map((p) => [p.input, p.key.return])).toEqual([
			["4", false],
			["h", false],
			["", true],
		]);
	});
});
