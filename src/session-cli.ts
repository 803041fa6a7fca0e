// Session handling shared by the drivers: open and lock the store, decide whether to resume, report store problems once.

import type { CliOptions } from "./args";
import { onAgentGroupsChange } from "./engine/research/agent-groups";
import { sanitizeInline } from "./engine/sanitize";
import { type SavedSession, SessionStore } from "./engine/session";

export const STEP_NAMES: Record<string, string> = {
	preflight: "pre-flight",
	research: "research",
	decisions: "decisions",
	questions: "open questions",
	review: "review",
	writing: "review",
	done: "done",
};

/** Opens the project's session store and takes its lock (a live second run is refused with exit 75). */
export function openSession(root: string, say: (text: string) => void): SessionStore {
	const store = new SessionStore(root);
	store.lock();
	if (store.saveError)
		say(`⚠ Progress cannot be saved (${store.saveError}); the wizard goes on without saving.`);
	if (store.orphansStopped.length)
		say(`⚠ Stopped ${store.orphansStopped.join(", ")}, left running by an earlier run that was killed.`);
	// Keep the lock's record of live agent groups current.
	onAgentGroupsChange((groups) => store.recordAgents(groups));
	return store;
}

/** Loads a saved session: with --fresh it is removed; otherwise it is resumed (and said so). */
export function resumeDecision(
	store: SessionStore,
	opts: Pick<CliOptions, "fresh">,
	say: (text: string) => void,
): SavedSession | undefined {
	const loaded = store.load();
	if (loaded.kind === "set-aside") {
		say(
			`⚠ The saved session could not be read (${loaded.reason}); it was moved to ${sanitizeInline(loaded.movedTo)}. Starting fresh.`,
		);
		return undefined;
	}
	if (loaded.kind !== "found") return undefined;
	if (opts.fresh) {
		store.clear();
		say("Starting over: the saved session was removed.");
		return undefined;
	}
	say(
		`Resuming the session saved ${describeWhen(loaded.session.savedAt)} at ${STEP_NAMES[loaded.session.step]} (use --fresh to start over).`,
	);
	return loaded.session;
}

export function describeWhen(iso: string): string {
	const t = Date.parse(iso);
	if (Number.isNaN(t)) return "earlier";
	const minutes = Math.round((Date.now() - t) / 60000);
	if (minutes < 1) return "just now";
	if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
	const hours = Math.round(minutes / 60);
	if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
	return `on ${iso.slice(0, 10)}`;
}
