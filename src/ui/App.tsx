// The root: subscribes to the wizard, picks the step's screen, owns Ctrl+C. Renders only; the controller does the work.

import { Box, Text } from "ink";
import { useRef, useState, useSyncExternalStore } from "react";
import type { Snapshot } from "../engine/controller";
import { TASK_IDS } from "../engine/research/types";
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

const MIN_COLUMNS = 40;
const MIN_ROWS = 12;

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
	const [interruptNotice, setInterruptNotice] = useState(false);
	const lastInterrupt = useRef(0);
	const { columns, rows } = useTerminalSize();
	const { state } = snap;
	// Rows left for the screen below the header, keeping the frame shorter than the terminal.
	const body = Math.max(4, rows - 2);
	let screen: React.ReactNode;
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
		screen = (
			<Text color={theme.warn} wrap="wrap">
				Terminal too small ({columns}×{rows}); the wizard needs at least {MIN_COLUMNS}×{MIN_ROWS}. Enlarge it,
				or run genesis-tui --plain. Ctrl+C quits.
			</Text>
		);
	} else if (offer) {
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
		<KeysProvider
			onInterrupt={() => {
				// During research the first Ctrl+C stops the running agents (their output is kept); a second one quits.
				const running =
					snap.state.step === "research"
						? TASK_IDS.filter((t) => snap.state.research[t].status === "running")
						: [];
				if (running.length && Date.now() - lastInterrupt.current > 2000) {
					lastInterrupt.current = Date.now();
					for (const t of running) actions.cancel(t);
					setInterruptNotice(true);
					return;
				}
				actions.quit(130);
			}}
		>
			<Box flexDirection="column" width={columns}>
				<StepHeader project={projectName} step={state.step} narrow={columns < 90} />
				{interruptNotice ? (
					<Text color={theme.warn} wrap="truncate-end">
						Research stopped; press Ctrl+C again to quit (progress is saved).
					</Text>
				) : null}
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
