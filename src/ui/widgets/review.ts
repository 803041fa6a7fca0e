// The review screen's own state as a pure reducer: the write confirmation, the edit picker, the diagram preview
// and where it is scrolled to.

import type { KeyPress } from "./keys";

export interface ReviewViewState {
	mode: "main" | "confirm" | "pick" | "diagrams";
	/** The diagram preview's first line and first column. */
	top: number;
	left: number;
}

export type ReviewAction =
	| { type: "confirm" }
	| { type: "pick" }
	| { type: "diagrams" }
	| { type: "close" }
	| { type: "scroll"; by: number; max: number }
	| { type: "pan"; by: number; max: number };

export function initReview(): ReviewViewState {
	return { mode: "main", top: 0, left: 0 };
}

const clamp = (n: number, max: number) => Math.min(Math.max(0, max), Math.max(0, n));

export function reduceReview(state: ReviewViewState, action: ReviewAction): ReviewViewState {
	switch (action.type) {
		case "confirm":
			return { ...state, mode: "confirm" };
		case "pick":
			return { ...state, mode: "pick" };
		case "diagrams":
			return { ...state, mode: "diagrams", top: 0, left: 0 };
		case "close":
			return { ...state, mode: "main" };
		case "scroll":
			return { ...state, top: clamp(state.top + action.by, action.max) };
		case "pan":
			return { ...state, left: clamp(state.left + action.by, action.max) };
	}
}

/** The view's action for a key on the main screen or in the diagram preview. */
export function reviewKeyAction(
	k: KeyPress,
	state: ReviewViewState,
	limits: { maxTop: number; maxLeft: number; page: number; panStep: number },
): ReviewAction | undefined {
	const { input, key } = k;
	if (state.mode === "diagrams") {
		if (input === "d" || key.escape) return { type: "close" };
		const by = key.upArrow
			? -1
			: key.downArrow
				? 1
				: key.pageUp
					? -limits.page
					: key.pageDown
						? limits.page
						: 0;
		if (by) return { type: "scroll", by, max: limits.maxTop };
		if (key.leftArrow || key.rightArrow)
			return { type: "pan", by: key.leftArrow ? -limits.panStep : limits.panStep, max: limits.maxLeft };
		return undefined;
	}
	if (state.mode !== "main") return undefined;
	if (key.return) return { type: "confirm" };
	if (input === "e") return { type: "pick" };
	if (input === "d") return { type: "diagrams" };
	return undefined;
}
