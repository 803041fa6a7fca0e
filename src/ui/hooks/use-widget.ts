// useReducer whose latest state is readable at once: a burst of keys is applied in order, and a key that acts
// (Enter) reads the state the keys before it made, not the state of the last render.

import { useCallback, useReducer, useRef } from "react";

export function useWidget<S, A>(
	reducer: (state: S, action: A) => S,
	init: () => S,
): [state: S, dispatch: (action: A | undefined) => boolean, latest: () => S] {
	const ref = useRef<S | undefined>(undefined);
	if (ref.current === undefined) ref.current = init();
	const [, bump] = useReducer((n: number) => n + 1, 0);
	const dispatch = useCallback(
		(action: A | undefined) => {
			if (action === undefined) return false;
			const next = reducer(ref.current as S, action);
			if (next !== ref.current) {
				ref.current = next;
				bump();
			}
			return true;
		},
		[reducer],
	);
	const latest = useCallback(() => ref.current as S, []);
	return [ref.current, dispatch, latest];
}
