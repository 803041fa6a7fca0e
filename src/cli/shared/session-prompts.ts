// Session handling shared by the drivers: take the project lock, decide whether to resume, report store problems once.

import { sanitizeInline } from "../../engine/io/sanitize";
import { onAgentGroupsChange } from "../../engine/research/agent-groups";
import { ProjectLock } from "../../engine/session/lock";
import type { SavedSession, SessionStore } from "../../engine/session/store";
import type { CliOptions } from "../args";

export const STEP_NAMES: Record<string, string> = {
	preflight: "pre-flight",
	research: "research",
	decisions: "decisions",
	questions: "open questions",
	review: "review",
	writing: "review",
	done: "done",
};

/** Takes the project's lock (a live second run is refused with exit 75) and says what the next run should know. */
export function openLock(root: string, say: (text: string) => void): ProjectLock {
	const lock = new ProjectLock(root);
	lock.lock();
	if (lock.error) say(`⚠ Progress cannot be saved (${lock.error}); the wizard goes on without saving.`);
	if (lock.orphansStopped.length)
		say(
			`⚠ Stopped ${sanitizeInline(lock.orphansStopped.join(", "))}, left running by an earlier run that was killed.`,
		);
	// Keep the lock's record of live agent groups current.
	onAgentGroupsChange((groups) => lock.recordAgents(groups));
	return lock;
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
