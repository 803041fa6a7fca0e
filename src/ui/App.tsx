// The root: subscribes to the wizard, picks the step's screen, owns Ctrl+C. Renders only; the controller does the work.

import { Box, Text } from "ink";
import { useState, useSyncExternalStore } from "react";
import type { Snapshot } from "../engine/controller";
import type { WizardActions } from "./actions";
import { StepHeader } from "./components/StepHeader";
import { KeysProvider } from "./hooks/use-keys";
import { useTerminalSize } from "./hooks/use-terminal-size";
import { DecisionStep } from "./steps/Decision";
import { PreflightStep } from "./steps/Preflight";
import { QuestionsStep } from "./steps/Questions";
import { ResearchStep } from "./steps/Research";
import { type ResumeChoice, type ResumeOffer, ResumeStep } from "./steps/Resume";
import { ReviewStep } from "./steps/Review";
import { theme } from "./theme";

export interface AppProps {
	subscribe: (listener: () => void) => () => void;
	getSnapshot: () => Snapshot;
	actions: WizardActions;
	projectName: string;
	notGenesis: boolean;
	now?: () => number;
	/** A saved session to offer before pre-flight. */
	resumeOffer?: ResumeOffer;
	onResume?: (choice: ResumeChoice) => void;
	/** A line to show above the screens (e.g. a session that could not be read or saved). */
	notice?: string;
}

export function App({
	subscribe,
	getSnapshot,
	actions,
	projectName,
	notGenesis,
	now = Date.now,
	resumeOffer,
	onResume,
	notice,
}: AppProps) {
	const snap = useSyncExternalStore(subscribe, getSnapshot);
	const [offer, setOffer] = useState(resumeOffer);
	const { columns, rows } = useTerminalSize();
	const { state } = snap;
	// Rows left for the screen below the header, keeping the frame shorter than the terminal.
	const body = Math.max(4, rows - 2);
	let screen: React.ReactNode;
	if (offer) {
		screen = (
			<ResumeStep
				offer={offer}
				actions={actions}
				onChoose={(c) => {
					setOffer(undefined);
					onResume?.(c);
				}}
			/>
		);
	} else
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
				{notice ? (
					<Text color={theme.warn} wrap="truncate-end">
						{notice}
					</Text>
				) : null}
				{screen}
			</Box>
		</KeysProvider>
	);
}
