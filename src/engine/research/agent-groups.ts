// The agent process groups alive right now, and who wants to know when that changes (the session lock records them,
// so a run killed with SIGKILL can have them stopped next time). Small on purpose: loading it does not load execa.

export interface AgentGroup {
	pid: number;
	command: string;
	name: string;
}

/** Live agent process groups, killed on every exit path (execa's cleanup skips detached children). */
const liveGroups = new Map<number, { command: string; name: string }>();
const groupListeners = new Set<(groups: AgentGroup[]) => void>();
let exitHookInstalled = false;

export function onAgentGroupsChange(listener: (groups: AgentGroup[]) => void): () => void {
	groupListeners.add(listener);
	return () => groupListeners.delete(listener);
}

let notifyPending = false;

/** Listeners hear once per turn of the event loop: agents started or ended together are recorded in one write. */
function groupsChanged(): void {
	if (notifyPending) return;
	notifyPending = true;
	setImmediate(() => {
		notifyPending = false;
		const groups = [...liveGroups].map(([pid, g]) => ({ pid, ...g }));
		for (const l of groupListeners) l(groups);
	});
}

export function addAgentGroup(group: AgentGroup): void {
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.on("exit", () => killAllAgents("SIGKILL"));
	}
	liveGroups.set(group.pid, { command: group.command, name: group.name });
	groupsChanged();
}

export function removeAgentGroup(pid: number): void {
	if (liveGroups.delete(pid)) groupsChanged();
}

export function killAllAgents(signal: NodeJS.Signals = "SIGKILL"): void {
	for (const pid of liveGroups.keys()) {
		try {
			process.kill(-pid, signal);
		} catch {
			// already gone
		}
	}
}
