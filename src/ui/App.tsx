// The root: subscribes to the wizard, picks the step's screen, owns Ctrl+C. Renders only; the controller does the work.
// The first screen (pre-flight) is drawn from the report alone, before the wizard and its other screens have loaded.

import { Box, Text } from "ink";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { PreflightReport } from "../engine/inputs/preflight";
import { understoodLines } from "../engine/inputs/understood";
import { TASK_IDS } from "../engine/research/types";
import type { Snapshot } from "../engine/wizard/controller";
import type { EarlyActions, WizardActions } from "./actions";
import { HelpKeys, HelpOverlay } from "./components/Help";
import { StepHeader } from "./components/StepHeader";
import { KeysProvider } from "./hooks/use-keys";
import { useTerminalSize } from "./hooks/use-terminal-size";
import type { Screens } from "./screens";
import { PreflightStep } from "./steps/Preflight";
import { type ResumeChoice, type ResumeOffer, ResumeStep } from "./steps/Resume";
import { colourTheme, noColourTheme, theme, UiThemeContext } from "./theme";

const MIN_COLUMNS = 40;
const MIN_ROWS = 12;
/** A second Ctrl+C within this time quits during research. */
const INTERRUPT_WINDOW_MS = 2000;

/** The wizard once loaded: its state, its actions and the screens after pre-flight. */
export interface LoadedWizard {
	subscribe: (listener: () => void) => () => void;
	getSnapshot: () => Snapshot;
	actions: WizardActions;
	screens: Screens;
}

export interface AppProps {
	/** Undefined until loaded: pre-flight shows `preflight` and its keys go to `early`. */
	wizard?: LoadedWizard;
	preflight: PreflightReport;
	early: EarlyActions;
	projectName: string;
	notGenesis: boolean;
	now?: () => number;
	/** A saved session to offer before pre-flight. */
	resumeOffer?: ResumeOffer;
	onResume?: (choice: ResumeChoice) => void;
	/** A line to show above the screens (e.g. a session that could not be read or saved). */
	notice?: string;
	/** Colour is off (NO_COLOR, --no-color, FORCE_COLOR=0): cues become glyphs and borders. */
	noColor?: boolean;
	/** Ctrl+Z: the driver restores the terminal and stops the process. */
	onSuspend?: () => void;
	/** Changes each time the process is continued after a stop: the frame is drawn again, whole. */
	resumed?: number;
}

const noSubscribe = () => () => {};
const noSnapshot = () => undefined;

export function App({
	wizard,
	preflight,
	early,
	projectName,
	notGenesis,
	now = Date.now,
	resumeOffer,
	onResume,
	notice,
	noColor = false,
	onSuspend,
	resumed = 0,
}: AppProps) {
	const snap: Snapshot | undefined = useSyncExternalStore(
		wizard?.subscribe ?? noSubscribe,
		wizard?.getSnapshot ?? noSnapshot,
	);
	const quit = wizard?.actions.quit ?? early.quit;
	const [offer, setOffer] = useState(resumeOffer);
	const [interruptNotice, setInterruptNotice] = useState(false);
	const [help, setHelp] = useState(false);
	const lastInterrupt = useRef(0);
	const { columns, rows: terminalRows } = useTerminalSize();
	const step = snap?.state.step ?? "preflight";
	// The "press Ctrl+C again" notice lasts as long as a second Ctrl+C would quit.
	useEffect(() => {
		if (!interruptNotice) return;
		const timer = setTimeout(() => setInterruptNotice(false), INTERRUPT_WINDOW_MS);
		return () => clearTimeout(timer);
	}, [interruptNotice]);
	const [showResumed, setShowResumed] = useState(false);
	useEffect(() => {
		if (!resumed) return;
		setShowResumed(true);
		const timer = setTimeout(() => setShowResumed(false), 2000);
		return () => clearTimeout(timer);
	}, [resumed]);
	const notices = [
		interruptNotice
			? "Research stopped; press Ctrl+C again to quit (within 2 s; progress is saved)."
			: undefined,
		showResumed ? "Resumed." : undefined,
		notice,
	].filter((n): n is string => n !== undefined);
	// The screens get the rows below the header and the notices, so the frame stays shorter than the terminal.
	const rows = terminalRows - notices.length;
	const body = Math.max(4, rows - 2);
	let screen: React.ReactNode;
	if (columns < MIN_COLUMNS || terminalRows < MIN_ROWS) {
		screen = (
			<Text color={theme.warn} wrap="wrap">
				Terminal too small ({columns}×{terminalRows}); the wizard needs at least {MIN_COLUMNS}×{MIN_ROWS}.
				Enlarge it, or run genesis-tui --plain. Ctrl+C quits.
			</Text>
		);
	} else if (offer) {
		screen = (
			<ResumeStep
				rows={body}
				columns={columns}
				offer={offer}
				actions={{ quit }}
				onChoose={(c) => {
					setOffer(undefined);
					onResume?.(c);
				}}
			/>
		);
	} else if (!wizard || !snap) {
		screen = <PreflightStep report={preflight} actions={early} rows={body} notGenesis={notGenesis} />;
	} else {
		const { state } = snap;
		const { actions, screens } = wizard;
		switch (state.step) {
			case "preflight":
				screen = (
					<PreflightStep
						report={state.preflight}
						actions={actions}
						rows={body}
						notGenesis={notGenesis}
						understood={understoodLines(state.context.model)}
					/>
				);
				break;
			case "research":
				screen = (
					<screens.ResearchStep
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
				screen = <screens.DecisionStep state={state} actions={actions} rows={body} columns={columns} />;
				break;
			case "questions":
				screen = <screens.QuestionsStep state={state} actions={actions} columns={columns} rows={body} />;
				break;
			case "review":
				screen = <screens.ReviewStep state={state} actions={actions} rows={body} columns={columns} />;
				break;
			case "writing":
				screen = <screens.Writing />;
				break;
			default:
				screen = <Text color={theme.ok}>✔ Section 10 written.</Text>;
		}
	}
	const Host = wizard?.screens.ThemeHost;
	const tooSmall = columns < MIN_COLUMNS || terminalRows < MIN_ROWS;
	return (
		<UiThemeContext.Provider value={noColor ? noColourTheme : colourTheme}>
			<KeysProvider
				onSuspend={onSuspend}
				onInterrupt={() => {
					// During research the first Ctrl+C stops the running agents (their output is kept); a second one quits.
					const running =
						wizard && snap?.state.step === "research"
							? TASK_IDS.filter((t) => snap.state.research[t].status === "running")
							: [];
					if (wizard && running.length && Date.now() - lastInterrupt.current > INTERRUPT_WINDOW_MS) {
						lastInterrupt.current = Date.now();
						for (const t of running) wizard.actions.cancel(t);
						setInterruptNotice(true);
						return;
					}
					quit(130);
				}}
			>
				<Box flexDirection="column" width={columns}>
					<StepHeader project={projectName} step={step} columns={columns} />
					{notices.map((n) => (
						<Text key={n} color={theme.warn} wrap="truncate-end">
							{n}
						</Text>
					))}
					{help && !tooSmall ? (
						<HelpOverlay step={offer ? "resume" : step} rows={rows - 2} columns={columns} />
					) : null}
					{/* Hidden, not unmounted, under the help: a half-typed answer survives it. */}
					<Box display={help && !tooSmall ? "none" : "flex"} flexDirection="column">
						{Host ? <Host noColor={noColor}>{screen}</Host> : screen}
					</Box>
					<HelpKeys open={help} setOpen={setHelp} />
				</Box>
			</KeysProvider>
		</UiThemeContext.Provider>
	);
}
