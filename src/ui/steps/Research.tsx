// Step 2: the three research tasks in live panels, side by side (stacked when narrow); focus, scroll, expand, retry.

import { Box, Text } from "ink";
import { useState } from "react";
import { TASK_IDS, TASKS, type TaskId } from "../../engine/research/types";
import type { WizardState } from "../../engine/wizard/state";
import type { WizardActions } from "../actions";
import { type ChoiceItem, ChoiceList } from "../components/ChoiceList";
import { Footer } from "../components/Footer";
import { Panel } from "../components/Panel";
import { useKeys } from "../hooks/use-keys";
import { formatElapsed, researchLayout } from "../layout";
import { theme } from "../theme";

const AGENT_CHOICES: ChoiceItem[] = [
	{ value: "builtin", label: "built-in", note: "the offline knowledge base (default)" },
	{ value: "claude", label: "claude", note: "claude -p, web search and fetch only" },
	{ value: "gemini", label: "gemini", note: "gemini -p, web search and fetch only" },
	{ value: "codex", label: "codex", note: "codex exec, read-only sandbox, live web search" },
	{ value: "copilot", label: "copilot", note: "GitHub Copilot CLI, web search and fetch only" },
	{ value: "opencode", label: "opencode", note: "opencode run, web search and fetch only" },
	{ value: "ollama:llama3.2", label: "ollama:llama3.2", note: "ollama run llama3.2, prompt on stdin" },
];

interface Props {
	state: WizardState;
	actions: WizardActions;
	tick: number;
	panelsVersion: number;
	columns: number;
	rows: number;
	now: () => number;
}

export function ResearchStep({ state, actions, tick, columns, rows, now }: Props) {
	const [focus, setFocus] = useState(0);
	const [expanded, setExpanded] = useState(false);
	const [scroll, setScroll] = useState<Record<TaskId, number>>({ deploy: 0, iac: 0, cicd: 0 });
	const [choosing, setChoosing] = useState<number | undefined>();
	// The prompt is built (it reads the project's agent files) when `p` is pressed, never while drawing.
	const [prompt, setPrompt] = useState<{ task: TaskId; lines: string[] } | undefined>(undefined);
	const showPrompt = prompt !== undefined;
	const layout = researchLayout(columns, rows, expanded);
	const focusedTask = TASK_IDS[focus]!;
	const statuses = TASK_IDS.map((t) => state.research[t].status);
	const allDone = statuses.every((s) => s === "done");
	const failed = TASK_IDS.filter((t) =>
		["failed", "timed-out", "cancelled"].includes(state.research[t].status),
	);

	const scrollBy = (delta: number) => {
		const max = Math.max(0, actions.panels[focusedTask].retained - layout.bodyHeight);
		setScroll((s) => ({ ...s, [focusedTask]: Math.min(max, Math.max(0, s[focusedTask] + delta)) }));
	};

	useKeys((input, key) => {
		if (choosing !== undefined) {
			if (key.upArrow || key.downArrow)
				setChoosing((c) => ((c ?? 0) + (key.upArrow ? AGENT_CHOICES.length - 1 : 1)) % AGENT_CHOICES.length);
			else if (key.return) {
				actions.setAgent(focusedTask, AGENT_CHOICES[choosing]!.value);
				setChoosing(undefined);
			} else if (key.escape) setChoosing(undefined);
			return true;
		}
		if (input === "a") {
			setChoosing(0);
			return true;
		}
		if (input === "p") {
			setPrompt((p) =>
				p ? undefined : { task: focusedTask, lines: actions.promptFor(focusedTask).split("\n") },
			);
			return true;
		}
		if (input === "c" && state.research[focusedTask].status === "running") {
			actions.cancel(focusedTask);
			return true;
		}
		if (input === "b" && failed.includes(focusedTask)) {
			actions.fallback(focusedTask);
			return true;
		}
		if (key.tab || key.rightArrow) {
			setFocus((f) => (key.shift ? (f + 2) % 3 : (f + 1) % 3));
			return true;
		}
		if (key.leftArrow) {
			setFocus((f) => (f + 2) % 3);
			return true;
		}
		const delta = key.upArrow
			? 1
			: key.downArrow
				? -1
				: key.pageUp
					? layout.bodyHeight
					: key.pageDown
						? -layout.bodyHeight
						: 0;
		if (delta !== 0) {
			scrollBy(delta);
			return true;
		}
		if (key.end) {
			setScroll((s) => ({ ...s, [focusedTask]: 0 }));
			return true;
		}
		if (input === "f" || (key.return && !allDone)) {
			setExpanded((e) => !e);
			return true;
		}
		if (key.return && allDone) {
			actions.finishResearch();
			return true;
		}
		if (input === "r" && failed.includes(focusedTask)) {
			actions.retry(focusedTask);
			return true;
		}
		if (input === "q") {
			actions.quit(130);
			return true;
		}
		return false;
	});

	const t = now();
	// Integer widths: Yoga's fractional thirds make text overrun the right border.
	const third = Math.floor(columns / 3);
	const widths = [third, third, columns - 2 * third];
	// No taller than the longest output needs (at least 8 rows), so short research leaves no empty frame.
	const longest = Math.max(...TASK_IDS.map((task) => actions.panels[task].total));
	const bodyHeight =
		layout.mode === "side" ? Math.min(layout.bodyHeight, Math.max(8, longest)) : layout.bodyHeight;
	const panelFor = (task: TaskId, i: number, collapsed: boolean) => {
		const s = state.research[task];
		const buffer = actions.panels[task];
		const elapsed = s.startedAt ? formatElapsed((s.endedAt ?? t) - s.startedAt) : "0s";
		return (
			<Panel
				key={task}
				title={TASKS[task].title}
				agent={TASKS[task].agent}
				backend={s.backend === "builtin" ? "built-in" : s.backend}
				status={s.status}
				elapsed={elapsed}
				lineCount={buffer.total}
				lines={collapsed ? [] : buffer.tail(bodyHeight, scroll[task])}
				height={bodyHeight}
				width={layout.mode === "side" ? widths[i] : undefined}
				innerWidth={(layout.mode === "side" ? widths[i]! : columns) - 2}
				focused={i === focus}
				scrolledBack={scroll[task]}
				spinnerFrame={tick}
				collapsed={collapsed}
				error={s.error}
			/>
		);
	};

	let panels: React.ReactNode;
	if (prompt) {
		const { lines } = prompt;
		panels = (
			<Box flexDirection="column" borderStyle="round" borderColor={theme.focus}>
				<Text bold wrap="truncate-end">
					Prompt for {TASKS[prompt.task].title} (what an agent backend receives on stdin)
				</Text>
				{lines.slice(0, Math.max(3, rows - 8)).map((l, i) => (
					// biome-ignore lint/suspicious/noArrayIndexKey: static lines
					<Text key={i} wrap="truncate-end">
						{l || " "}
					</Text>
				))}
			</Box>
		);
	} else if (layout.mode === "expanded")
		panels = (
			<Box flexDirection="column">
				<Text wrap="truncate-end">
					{TASK_IDS.map((task, i) => (
						<Text key={task} color={i === focus ? theme.focus : theme.muted} bold={i === focus}>
							{i > 0 ? " · " : ""}
							{TASKS[task].title} ({state.research[task].status})
						</Text>
					))}
				</Text>
				{panelFor(focusedTask, focus, false)}
			</Box>
		);
	else if (layout.mode === "side")
		panels = (
			<Box flexDirection="row" width={columns}>
				{TASK_IDS.map((task, i) => panelFor(task, i, false))}
			</Box>
		);
	else panels = <Box flexDirection="column">{TASK_IDS.map((task, i) => panelFor(task, i, i !== focus))}</Box>;

	const running = statuses.filter((s) => s === "running" || s === "pending").length;
	const status = allDone
		? "All three research tasks are done. Enter continues to the decisions."
		: failed.length
			? `${failed.map((f) => TASKS[f].title).join(", ")} did not finish: focus it; r retries, b uses the built-in research, a picks another agent.`
			: `Waiting for ${running} research task${running === 1 ? "" : "s"}…`;
	return (
		<Box flexDirection="column">
			{panels}
			{choosing !== undefined ? (
				<Box flexDirection="column">
					<Text bold>Backend for {TASKS[focusedTask].title}:</Text>
					<ChoiceList items={AGENT_CHOICES} focused={choosing} maxVisible={AGENT_CHOICES.length} />
				</Box>
			) : (
				<Text wrap="truncate-end" color={allDone ? theme.ok : failed.length ? theme.error : theme.muted}>
					{status}
				</Text>
			)}
			<Footer
				keys={[
					["Tab/←→", "focus"],
					["↑↓ PgUp PgDn", "scroll"],
					["f", expanded ? "back to all panels" : "expand"],
					...(failed.length
						? ([
								["r", "retry"],
								["b", "built-in instead"],
							] as [string, string][])
						: []),
					...(state.research[focusedTask].status === "running"
						? ([["c", "cancel"]] as [string, string][])
						: []),
					["a", "agent"],
					["p", showPrompt ? "hide prompt" : "prompt"],
					...(allDone ? ([["Enter", "continue"]] as [string, string][]) : []),
					["q", "quit"],
				]}
			/>
		</Box>
	);
}
