// One stdin listener for the whole app: screens register a handler; Ctrl+C and Ctrl+Z are handled here, never by Ink.
// (A single useInput also avoids Ink 6's hang when two input hooks swap in one state change.)
//
// Keys that arrive in one read are handed over one at a time, each after React has drawn what the one before did:
// `Down Enter` confirms the option Down moved to, and a key after a screen change goes to the new screen.

import { type Key, useInput, useStdin } from "ink";
import { createContext, type ReactNode, useContext, useLayoutEffect, useMemo, useRef } from "react";
import {
	isF1,
	isForwardDelete,
	type KeyPress,
	keyPress,
	PASTE_END,
	PASTE_START,
	splitTypedText,
} from "../widgets/keys";

export type { KeyPress } from "../widgets/keys";

export type KeyHandler = (input: string, key: Key, press: KeyPress) => boolean | undefined;

interface KeysApi {
	register: (handler: KeyHandler, priority: number) => () => void;
}

interface Registered {
	handler: KeyHandler;
	priority: number;
}

const KeysContext = createContext<KeysApi | undefined>(undefined);

export interface KeysProviderProps {
	children: ReactNode;
	onInterrupt: () => void;
	/** Ctrl+Z: stop the process until it is continued (the driver restores the terminal around it). */
	onSuspend?: () => void;
}

/** Turns Ink's key events (with the raw bytes behind each) into the presses screens receive, in order. */
class KeyQueue {
	private queue: KeyPress[] = [];
	private draining = false;
	private pasting: string | undefined;

	constructor(private readonly deliver: (k: KeyPress) => void) {}

	push(raw: string, input: string, key: Key): void {
		if (raw === PASTE_START) {
			this.pasting = "";
			return;
		}
		if (raw === PASTE_END) {
			const text = this.pasting ?? "";
			this.pasting = undefined;
			if (text) this.enqueue([keyPress(text, {}, { paste: true })]);
			return;
		}
		if (this.pasting !== undefined) {
			this.pasting += raw;
			return;
		}
		if (!raw.startsWith("\u001b") && raw.length > 1) {
			this.enqueue(splitTypedText(raw));
			return;
		}
		// A lone line feed is Enter too: Ctrl+J, or Enter typed before the terminal was in raw mode (the line mode
		// turns it into a line feed, which Ink does not mark as return).
		if (input === "\n" && !key.return) {
			this.enqueue([keyPress("", { return: true })]);
			return;
		}
		this.enqueue([
			{
				input,
				key,
				...(isForwardDelete(raw) ? { forwardDelete: true } : {}),
				...(isF1(raw) ? { f1: true } : {}),
			},
		]);
	}

	private enqueue(presses: KeyPress[]): void {
		this.queue.push(...presses);
		if (this.draining) return;
		this.draining = true;
		this.drain();
	}

	private drain = (): void => {
		const next = this.queue.shift();
		if (!next) {
			this.draining = false;
			return;
		}
		this.deliver(next);
		// The next key waits for a setImmediate, which runs after React has rendered what this one changed (and
		// after the rest of this read has been queued): it sees the new state, and the new screen if there is one.
		setImmediate(this.drain);
	};
}

export function KeysProvider({ children, onInterrupt, onSuspend }: KeysProviderProps) {
	// Highest priority first; among equals, the latest registered (the screen on top) first.
	const handlers = useRef<Registered[]>([]);
	const stdin = useStdin();
	const { isRawModeSupported } = stdin;
	const callbacks = useRef({ onInterrupt, onSuspend });
	callbacks.current = { onInterrupt, onSuspend };
	const raw = useRef("");
	const queue = useRef<KeyQueue | undefined>(undefined);
	queue.current ??= new KeyQueue((k) => {
		// Ctrl+C and Ctrl+Z inside a chunk of keys typed ahead (alone, they never reach the queue).
		if (k.key.ctrl && (k.input === "c" || k.input === "z")) {
			if (k.input === "c") callbacks.current.onInterrupt();
			else callbacks.current.onSuspend?.();
			return;
		}
		for (const { handler } of handlers.current) {
			if (handler(k.input, k.key, k)) return;
		}
	});
	// Ink's parsed key hides some keys (Delete vs Backspace, paste brackets): keep the raw bytes of each event. A
	// layout effect subscribes before useInput's passive one, so this listener always runs first.
	const emitter = stdin.internal_eventEmitter;
	useLayoutEffect(() => {
		const onRaw = (data: string) => {
			raw.current = data;
		};
		emitter?.on("input", onRaw);
		return () => {
			emitter?.off("input", onRaw);
		};
	}, [emitter]);
	useInput(
		(input, key) => {
			if ((key.ctrl && input === "c") || input === "\u0003") {
				callbacks.current.onInterrupt();
				return;
			}
			if ((key.ctrl && input === "z") || input === "\u001a") {
				callbacks.current.onSuspend?.();
				return;
			}
			queue.current!.push(raw.current || input, input, key);
			raw.current = "";
		},
		{ isActive: Boolean(isRawModeSupported) },
	);
	const api = useMemo<KeysApi>(
		() => ({
			register(handler, priority) {
				const entry = { handler, priority };
				const at = handlers.current.findIndex((h) => h.priority <= priority);
				handlers.current =
					at === -1 ? [...handlers.current, entry] : handlers.current.toSpliced(at, 0, entry);
				return () => {
					handlers.current = handlers.current.filter((h) => h !== entry);
				};
			},
		}),
		[],
	);
	return <KeysContext.Provider value={api}>{children}</KeysContext.Provider>;
}

/**
 * Registers the active screen's key handler; it returns true when it used the key. `priority`: an overlay that must
 * see keys before the screen registers above 0; a fallback that only takes what the screen left, below 0.
 */
export function useKeys(handler: KeyHandler, priority = 0): void {
	const api = useContext(KeysContext);
	const ref = useRef(handler);
	ref.current = handler;
	// A layout effect: a screen that appears takes keys from the same commit that drew it.
	useLayoutEffect(
		() => api?.register((input, key, press) => ref.current(input, key, press), priority),
		[api, priority],
	);
}
