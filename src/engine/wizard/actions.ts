// What the screens may ask of the wizard: the interface the controller implements and the UI depends on.

import type { DecisionId } from "../decisions/spec";
import type { ComposedOutputs } from "../output/compose";
import type { PanelBuffer } from "../research/panel-buffer";
import type { TaskId } from "../research/types";
import type { WizardEvent } from "./state";

export interface WizardActions {
	dispatch: (event: WizardEvent) => void;
	continueFromPreflight: () => void;
	finishResearch: () => void;
	retry: (task: TaskId) => void;
	cancel: (task: TaskId) => void;
	/** After a failure: let the built-in engine answer the task's brief. */
	fallback: (task: TaskId) => void;
	/** Switch a task's backend ("builtin", "claude", "ollama:llama3.2", …); remembered for next time. */
	setAgent: (task: TaskId, value: string) => void;
	promptFor: (task: TaskId) => string;
	decide: (id: DecisionId, value: string) => void;
	compose: () => ComposedOutputs;
	write: (replace: boolean) => ComposedOutputs | undefined;
	quit: (code: number) => void;
	panels: Record<TaskId, PanelBuffer>;
}

/** What the first screen (pre-flight) can ask before the rest of the wizard has loaded. */
export type EarlyActions = Pick<WizardActions, "continueFromPreflight" | "quit">;
