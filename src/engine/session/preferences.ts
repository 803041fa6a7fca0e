// Preferences remembered across runs (the agent chosen per research task). Read directly (cheap, at every start);
// written with conf, loaded only when a preference changes.

import { readFileSync } from "node:fs";
import path from "node:path";
import { parseJson } from "../io/json";
import type { TaskId } from "../research/types";
import { storeDir } from "./lock";

type Prefs = { agents?: Partial<Record<TaskId, string>> };

export class Preferences {
	private readonly dir: string;

	constructor(env: NodeJS.ProcessEnv = process.env) {
		this.dir = storeDir(env);
	}

	get file(): string {
		return path.join(this.dir, "preferences.json");
	}

	/** A missing or corrupt preferences file simply means no preferences. */
	agents(): Partial<Record<TaskId, string>> {
		try {
			const parsed = parseJson(readFileSync(this.file, "utf8"));
			const agents = parsed.ok ? (parsed.value as Prefs).agents : undefined;
			if (!agents || typeof agents !== "object") return {};
			return Object.fromEntries(Object.entries(agents).filter(([, v]) => typeof v === "string")) as Partial<
				Record<TaskId, string>
			>;
		} catch {
			return {};
		}
	}

	async setAgent(task: TaskId, value: string): Promise<void> {
		try {
			const { default: Conf } = await import("conf");
			const conf = new Conf<Prefs>({
				configName: "preferences",
				cwd: this.dir,
				clearInvalidConfig: false,
				configFileMode: 0o600,
			});
			conf.set("agents", { ...this.agents(), [task]: value });
		} catch {
			// not remembered; the run goes on
		}
	}
}
