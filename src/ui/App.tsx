// The root: subscribes to the wizard, picks the step's screen, owns Ctrl+C. Renders only; the controller does the work.

import { Box, Text } from "ink";
import { useSyncExternalStore } from "react";
import type { Snapshot } from "../engine/controller";
import type { WizardActions } from "./actions";
import { StepHeader } from "./components/StepHeader";
import { KeysProvider } from "./hooks/use-keys";
import { useTerminalSize } from "./hooks/use-terminal-size";
import { DecisionStep } from "./steps/Decision";
import { PreflightStep } from "./steps/Preflight";
import { QuestionsStep } from "./steps/Questions";
import { ResearchStep } from "./steps/Research";
import { ReviewStep } from "./steps/Review";
import { theme } from "./theme";

export interface AppProps {
	subscribe: (listener: () => void) => () => void;
	getSnapshot: () => Snapshot;
	actions: WizardActions;
	projectName: string;
	notGenesis: boolean;
	now?: () => number;
}

export function App({ subscribe, getSnapshot, actions, projectName, notGenesis, now = Date.now }: AppProps) {
	const snap = useSyncExternalStore(subscribe, getSnapshot);
	const { columns, rows } = useTerminalSize();
	const { state } = snap;
	// Rows left for the screen below the header, keeping the frame shorter than the terminal.
	const body = Math.max(4, rows - 2);
	let screen: React.ReactNode;
	switch (state.step) {
		case "preflight":
			screen = (
				<PreflightStep report={state.preflight} actions={actions} rows={body} notGenesis={notGenesis} />
			);
			break;
		case "research":
			screen = (
				<ResearchStep
					state={state}
					actions={actions}
					tick={snap.tick}
					panelsVersion={snap.panelsVersion}
					columns={columns}
					rows={rows}
					now={now}
				/>
			);
			break;
		case "decisions":
			screen = <DecisionStep state={state} actions={actions} rows={body} />;
			break;
		case "questions":
			screen = <QuestionsStep state={state} actions={actions} />;
			break;
		case "review":
			screen = <ReviewStep state={state} actions={actions} rows={body} columns={columns} />;
			break;
		case "writing":
			screen = <Text color={theme.muted}>Writing…</Text>;
			break;
		default:
			screen = <Text color={theme.ok}>✔ Section 10 written.</Text>;
	}
	return (
		<KeysProvider onInterrupt={() => actions.quit(130)}>
			<Box flexDirection="column" width={columns}>
				<StepHeader project={projectName} step={state.step} narrow={columns < 90} />
				{screen}
			</Box>
		</KeysProvider>
	);
}
