// `genesis-tui sessions`: list saved sessions; --clear removes this project's, --clear --all every one.

import path from "node:path";
import { findProjectRoot } from "../../engine/io/project";
import { sanitizeInline } from "../../engine/io/sanitize";
import { clearAllSessions, listSessions, SessionStore } from "../../engine/session/store";
import type { CliOptions } from "../args";
import { describeWhen, STEP_NAMES } from "../shared/session-prompts";

export function runSessionsCommand(opts: CliOptions, out: (text: string) => void): number {
	const { root } = findProjectRoot(path.resolve(opts.cwd));
	const store = new SessionStore(root);
	if (opts.clear) {
		if (opts.all) {
			const n = clearAllSessions(store);
			out(`Removed ${n} saved session${n === 1 ? "" : "s"}.\n`);
		} else {
			const had = store.load().kind === "found";
			store.clear();
			out(
				had
					? `Removed the saved session of ${sanitizeInline(root)}.\n`
					: `No saved session for ${sanitizeInline(root)}.\n`,
			);
		}
		return 0;
	}
	const sessions = listSessions(store);
	if (opts.json) {
		out(`${JSON.stringify(sessions, null, 2)}\n`);
		return 0;
	}
	if (sessions.length === 0) {
		out("No saved sessions.\n");
		return 0;
	}
	for (const s of sessions) {
		const here = s.file === store.file ? " (this project)" : "";
		out(
			`${sanitizeInline(s.projectRoot)}${here}\n  at ${STEP_NAMES[s.step] ?? s.step}, saved ${describeWhen(s.savedAt)}\n`,
		);
	}
	return 0;
}
