// Preferences remembered across runs (the agent chosen per research task), in a small conf store.

import Conf from "conf";
import type { TaskId } from "./research/types";
import { storeDir } from "./session";

type Prefs = { agents?: Partial<Record<TaskId, string>> };

export class Preferences {
	private conf: Conf<Prefs> | undefined;

	constructor(env: NodeJS.ProcessEnv = process.env) {
		try {
			// A corrupt preferences file is not worth a crash or a question: preferences are simply not used.
			this.conf = new Conf<Prefs>({
				configName: "preferences",
				cwd: storeDir(env),
				clearInvalidConfig: false,
				configFileMode: 0o600,
			});
		} catch {
			this.conf = undefined;
		}
	}

	agents(): Partial<Record<TaskId, string>> {
		try {
			const a = this.conf?.get("agents");
			return a && typeof a === "object" ? a : {};
		} catch {
			return {};
		}
	}

	setAgent(task: TaskId, value: string): void {
		try {
			this.conf?.set("agents", { ...this.agents(), [task]: value });
		} catch {
			// not remembered; the run goes on
		}
	}
}
