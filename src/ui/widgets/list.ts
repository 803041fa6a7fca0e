// List widgets as pure reducers: a single choice (focus moves, Enter picks) and a checklist (Space toggles).

import { type KeyPress, verticalMove } from "./keys";

export interface ChoiceState {
	focused: number;
	count: number;
}

export type ChoiceAction = { type: "move"; by: number } | { type: "first" } | { type: "last" };

export function initChoice(count: number, focused = 0): ChoiceState {
	return { count, focused: Math.min(Math.max(0, focused), Math.max(0, count - 1)) };
}

export function reduceChoice(state: ChoiceState, action: ChoiceAction): ChoiceState {
	if (state.count === 0) return state;
	switch (action.type) {
		case "move":
			return { ...state, focused: (((state.focused + action.by) % state.count) + state.count) % state.count };
		case "first":
			return { ...state, focused: 0 };
		case "last":
			return { ...state, focused: state.count - 1 };
	}
}

export function choiceKeyAction(k: KeyPress): ChoiceAction | undefined {
	const by = verticalMove(k);
	if (by) return { type: "move", by };
	if (k.key.home) return { type: "first" };
	if (k.key.end) return { type: "last" };
	return undefined;
}

export interface CheckState {
	focused: number;
	values: readonly string[];
	checked: ReadonlySet<string>;
}

export type CheckAction = ChoiceAction | { type: "toggle" };

export function initCheck(values: readonly string[], checked: Iterable<string>): CheckState {
	return { focused: 0, values, checked: new Set(checked) };
}

export function reduceCheck(state: CheckState, action: CheckAction): CheckState {
	if (action.type === "toggle") {
		const v = state.values[state.focused];
		if (v === undefined) return state;
		const checked = new Set(state.checked);
		if (checked.has(v)) checked.delete(v);
		else checked.add(v);
		return { ...state, checked };
	}
	const moved = reduceChoice({ focused: state.focused, count: state.values.length }, action);
	return moved.focused === state.focused ? state : { ...state, focused: moved.focused };
}

export function checkKeyAction(k: KeyPress): CheckAction | undefined {
	if (k.input === " ") return { type: "toggle" };
	return choiceKeyAction(k);
}

/** The checked values in list order. */
export function checkedValues(state: CheckState): string[] {
	return state.values.filter((v) => state.checked.has(v));
}
