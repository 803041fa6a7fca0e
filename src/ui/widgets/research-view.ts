// The research screen's own state as a pure reducer: which panel has focus, expanded or not, each panel's scroll,
// the backend chooser and the prompt view.

import { TASK_IDS, type TaskId } from "../../engine/research/types";
import type { KeyPress } from "./keys";
import { type ChoiceState, choiceKeyAction, initChoice, reduceChoice } from "./list";

export interface ResearchViewState {
	focus: number;
	expanded: boolean;
	scroll: Record<TaskId, number>;
	/** The backend chooser, open on the focused task. */
	chooser?: ChoiceState;
	/** The prompt view's first line, when open. */
	prompt?: number;
}

export type ResearchViewAction =
	| { type: "focus"; by: number }
	| { type: "toggle-expand" }
	| { type: "scroll"; by: number; max: number }
	| { type: "scroll-to-end" }
	| { type: "open-chooser"; count: number; current: number }
	| { type: "chooser"; action: NonNullable<ReturnType<typeof choiceKeyAction>> }
	| { type: "close-chooser" }
	| { type: "toggle-prompt" }
	| { type: "prompt-scroll"; by: number; max: number };

export function initResearchView(): ResearchViewState {
	return { focus: 0, expanded: false, scroll: { deploy: 0, iac: 0, cicd: 0 } };
}

export function focusedTask(state: ResearchViewState): TaskId {
	return TASK_IDS[state.focus]!;
}

const clamp = (n: number, max: number) => Math.min(Math.max(0, max), Math.max(0, n));

export function reduceResearchView(state: ResearchViewState, action: ResearchViewAction): ResearchViewState {
	switch (action.type) {
		case "focus":
			return { ...state, focus: (state.focus + action.by + TASK_IDS.length) % TASK_IDS.length };
		case "toggle-expand":
			return { ...state, expanded: !state.expanded };
		case "scroll": {
			const task = focusedTask(state);
			const next = clamp(state.scroll[task] + action.by, action.max);
			return next === state.scroll[task] ? state : { ...state, scroll: { ...state.scroll, [task]: next } };
		}
		case "scroll-to-end":
			return { ...state, scroll: { ...state.scroll, [focusedTask(state)]: 0 } };
		case "open-chooser":
			return { ...state, chooser: initChoice(action.count, action.current), prompt: undefined };
		case "chooser":
			return state.chooser ? { ...state, chooser: reduceChoice(state.chooser, action.action) } : state;
		case "close-chooser":
			return { ...state, chooser: undefined };
		case "toggle-prompt":
			return { ...state, prompt: state.prompt === undefined ? 0 : undefined };
		case "prompt-scroll":
			return state.prompt === undefined
				? state
				: { ...state, prompt: clamp(state.prompt + action.by, action.max) };
	}
}

/** Keys that only move the view (focus, scroll, expand); the screen handles the keys that act. */
export function researchViewKeyAction(
	k: KeyPress,
	state: ResearchViewState,
	page: number,
	maxScroll: number,
	maxPrompt: number,
): ResearchViewAction | undefined {
	const { input, key } = k;
	if (state.chooser) {
		const move = choiceKeyAction(k);
		if (move) return { type: "chooser", action: move };
		if (key.escape) return { type: "close-chooser" };
		return undefined;
	}
	if (state.prompt !== undefined) {
		if (key.escape || input === "p") return { type: "toggle-prompt" };
		const by = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -page : key.pageDown ? page : 0;
		if (by) return { type: "prompt-scroll", by, max: maxPrompt };
		return undefined;
	}
	if (input === "p") return { type: "toggle-prompt" };
	if (key.tab) return { type: "focus", by: key.shift ? -1 : 1 };
	if (key.rightArrow) return { type: "focus", by: 1 };
	if (key.leftArrow) return { type: "focus", by: -1 };
	if (input === "f") return { type: "toggle-expand" };
	// Up scrolls back (older lines), Down toward the newest.
	const by = key.upArrow ? 1 : key.downArrow ? -1 : key.pageUp ? page : key.pageDown ? -page : 0;
	if (by) return { type: "scroll", by, max: maxScroll };
	if (key.end) return { type: "scroll-to-end" };
	return undefined;
}
