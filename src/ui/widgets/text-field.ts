// A one-line text field as a pure reducer: value, cursor, and a dimmed suggestion the first key replaces.

import type { KeyPress } from "./keys";

/** Longest value a field keeps; longer pastes are cut at a word boundary and the field says so. */
export const TEXT_FIELD_MAX = 500;
/** From this length on the field shows how much room is left. */
export const TEXT_FIELD_COUNTER_FROM = 400;

export interface TextFieldState {
	value: string;
	/** Index into value, 0…value.length. */
	cursor: number;
	/** Shown dimmed while the field is untouched; Enter takes it, the first edit replaces it. */
	suggestion?: string;
	/** True until the first key that edits: the field shows the suggestion. */
	suggesting: boolean;
	/** The last insert did not fit under the cap. */
	cut: boolean;
}

export type TextFieldAction =
	| { type: "insert"; text: string }
	| { type: "left" }
	| { type: "right" }
	| { type: "home" }
	| { type: "end" }
	| { type: "backspace" }
	| { type: "delete" }
	| { type: "delete-word-before" }
	| { type: "delete-to-start" }
	| { type: "delete-to-end" };

/** A saved answer is edited in place (cursor at its end); without one the suggestion shows until the first edit. */
export function initTextField(saved: string | undefined, suggestion?: string): TextFieldState {
	if (saved) return { value: saved, cursor: saved.length, suggesting: false, cut: false };
	return { value: "", cursor: 0, suggestion, suggesting: Boolean(suggestion), cut: false };
}

/** What Enter submits: the suggestion while untouched, otherwise the value. */
export function submittedText(state: TextFieldState): string {
	return state.suggesting ? (state.suggestion ?? "") : state.value;
}

/** Typed or pasted text as one line of printable characters (line breaks and tabs become spaces). */
export function cleanInsert(text: string): string {
	return text.replace(/\r\n|[\r\n\t]/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
}

function wordStartBefore(value: string, cursor: number): number {
	let i = cursor;
	while (i > 0 && value[i - 1] === " ") i--;
	while (i > 0 && value[i - 1] !== " ") i--;
	return i;
}

/** As much of `text` as fits in `room`, cut after a whole word when a space is near the end. */
function fitInsert(text: string, room: number): string {
	if (text.length <= room) return text;
	const head = text.slice(0, room);
	const space = head.lastIndexOf(" ");
	return space > room * 0.8 ? head.slice(0, space) : head;
}

export function reduceTextField(state: TextFieldState, action: TextFieldAction): TextFieldState {
	// Any edit on an untouched field starts from an empty one: the suggestion is replaced, not edited. Moving right or
	// to the end takes the suggestion in, to edit it.
	if (state.suggesting) {
		if (action.type === "right" || action.type === "end") {
			const value = state.suggestion ?? "";
			return { ...state, value, cursor: value.length, suggesting: false };
		}
		if (action.type === "left" || action.type === "home") return state;
		return reduceTextField({ ...state, value: "", cursor: 0, suggesting: false }, action);
	}
	const { value, cursor } = state;
	switch (action.type) {
		case "insert": {
			const clean = cleanInsert(action.text);
			if (!clean) return state;
			const room = TEXT_FIELD_MAX - value.length;
			const fitted = fitInsert(clean, Math.max(0, room));
			return {
				...state,
				value: value.slice(0, cursor) + fitted + value.slice(cursor),
				cursor: cursor + fitted.length,
				cut: fitted.length < clean.length,
			};
		}
		case "left":
			return { ...state, cursor: Math.max(0, cursor - 1) };
		case "right":
			return { ...state, cursor: Math.min(value.length, cursor + 1) };
		case "home":
			return { ...state, cursor: 0 };
		case "end":
			return { ...state, cursor: value.length };
		case "backspace":
			return cursor === 0
				? state
				: {
						...state,
						value: value.slice(0, cursor - 1) + value.slice(cursor),
						cursor: cursor - 1,
						cut: false,
					};
		case "delete":
			return cursor >= value.length
				? state
				: { ...state, value: value.slice(0, cursor) + value.slice(cursor + 1), cut: false };
		case "delete-word-before": {
			const start = wordStartBefore(value, cursor);
			return { ...state, value: value.slice(0, start) + value.slice(cursor), cursor: start, cut: false };
		}
		case "delete-to-start":
			return { ...state, value: value.slice(cursor), cursor: 0, cut: false };
		case "delete-to-end":
			return { ...state, value: value.slice(0, cursor), cut: false };
	}
}

/** The field's action for a key, or undefined when the key is not the field's (Enter, Esc, Tab, arrows up/down…). */
export function textFieldKeyAction(k: KeyPress): TextFieldAction | undefined {
	const { input, key } = k;
	if (key.leftArrow) return { type: "left" };
	if (key.rightArrow) return { type: "right" };
	if (key.home) return { type: "home" };
	if (key.end) return { type: "end" };
	if (k.forwardDelete) return { type: "delete" };
	if (key.backspace || key.delete) return { type: key.meta ? "delete-word-before" : "backspace" };
	if (key.ctrl) {
		switch (input) {
			case "a":
				return { type: "home" };
			case "e":
				return { type: "end" };
			case "b":
				return { type: "left" };
			case "f":
				return { type: "right" };
			case "u":
				return { type: "delete-to-start" };
			case "k":
				return { type: "delete-to-end" };
			case "w":
				return { type: "delete-word-before" };
			case "d":
				return { type: "delete" };
			default:
				return undefined;
		}
	}
	if (key.return || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown)
		return undefined;
	if (key.meta) return undefined;
	const text = cleanInsert(input);
	return text ? { type: "insert", text: input } : undefined;
}
