// One signal path for every driver (--yes, --plain, the TUI): on SIGINT, SIGTERM or SIGHUP the driver's stop runs once
// (save, unlock, restore the terminal), every agent process group is stopped, and the process exits with 128 + the
// signal's number. A second signal while stopping exits at once.

import { killAllAgents } from "../../engine/research/agent-groups";

export const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
export type StopSignal = keyof typeof SIGNAL_CODES;

export interface SignalPath {
	/** Runs the stop path as if `signal` had arrived (a hung-up terminal, say). */
	trigger: (signal: StopSignal) => void;
	/** Removes the handlers (the run ended normally). */
	remove: () => void;
}

export function onStopSignals(stop: (signal: StopSignal) => void): SignalPath {
	let stopping = false;
	const trigger = (signal: StopSignal) => {
		const code = SIGNAL_CODES[signal];
		if (stopping) process.exit(code);
		stopping = true;
		try {
			stop(signal);
		} catch {
			// stopping goes on: the agents and the exit matter more than a failed save
		}
		// Ask the agents' groups to stop; the exit hook of agent-groups sends SIGKILL to any that remain.
		killAllAgents("SIGTERM");
		process.exit(code);
	};
	const handlers = (Object.keys(SIGNAL_CODES) as StopSignal[]).map((s) => {
		const h = () => trigger(s);
		process.on(s, h);
		return [s, h] as const;
	});
	return {
		trigger,
		remove: () => {
			for (const [s, h] of handlers) process.off(s, h);
		},
	};
}
