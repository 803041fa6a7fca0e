// One stdin listener for the whole app: screens register a handler; Ctrl+C is handled here, never by Ink.
// (A single useInput also avoids Ink 6's hang when two input hooks swap in one state change.)

import { type Key, useInput, useStdin } from "ink";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef } from "react";

export type KeyHandler = (input: string, key: Key) => boolean | undefined;

interface KeysApi {
	register: (handler: KeyHandler) => () => void;
}

const KeysContext = createContext<KeysApi | undefined>(undefined);

export function KeysProvider({ children, onInterrupt }: { children: ReactNode; onInterrupt: () => void }) {
	const handlers = useRef<KeyHandler[]>([]);
	const { isRawModeSupported } = useStdin();
	const interrupt = useRef(onInterrupt);
	interrupt.current = onInterrupt;
	useInput(
		(input, key) => {
			if ((key.ctrl && input === "c") || input === "\u0003") {
				interrupt.current();
				return;
			}
			// A lone line feed is Enter too: Ctrl+J, or Enter typed before the terminal was in raw mode (the line mode
			// turns it into a line feed, which Ink does not mark as return).
			const enter = input === "\n" && !key.return;
			const k = enter ? { ...key, return: true } : key;
			const text = enter ? "" : input;
			for (let i = handlers.current.length - 1; i >= 0; i--) {
				if (handlers.current[i]!(text, k)) return;
			}
		},
		{ isActive: Boolean(isRawModeSupported) },
	);
	const api = useMemo<KeysApi>(
		() => ({
			register(handler) {
				handlers.current.push(handler);
				return () => {
					handlers.current = handlers.current.filter((h) => h !== handler);
				};
			},
		}),
		[],
	);
	return <KeysContext.Provider value={api}>{children}</KeysContext.Provider>;
}

/** Registers the active screen's key handler; it returns true when it used the key. */
export function useKeys(handler: KeyHandler): void {
	const api = useContext(KeysContext);
	const ref = useRef(handler);
	ref.current = handler;
	useEffect(() => api?.register((input, key) => ref.current(input, key)), [api]);
}
