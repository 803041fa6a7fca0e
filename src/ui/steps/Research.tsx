// Step 2: the three research tasks in live panels, side by side (stacked when narrow); focus, scroll, expand, retry.
// The backend chooser and the prompt view take the panels' place, so the frame never grows.

import { StatusMessage } from "@inkjs/ui";
import { Box, Text } from "ink";
import { useState } from "react";
import { TASK_IDS, TASKS, type TaskId } from "../../engine/research/types";
import type { WizardState } from "../../engine/wizard/state";
import type { WizardActions } from "../actions";
import { type ChoiceItem, ChoiceList } from "../components/ChoiceList";
import { Footer } from "../components/Footer";
import { Panel } from "../components/Panel";
import { useKeys } from "../hooks/use-keys";
import { useWidget } from "../hooks/use-widget";
import { formatElapsed, researchLayout } from "../layout";
import { fitToWidth } from "../text-width";
import { theme, useUiTheme } from "../theme";
import {
	focusedTask,
	initResearchView,
	reduceResearchView,
	researchViewKeyAction,
} from "../widgets/research-view";

export const AGENT_CHOICES: ChoiceItem[] = [
	{ value: "builtin", label: "built-in", note: "the offline knowledge base (default)" },
	{ value: "claude", label: "claude", note: "claude -p, web search and fetch only" },
	{ value: "gemini", label: "gemini", note: "gemini -p, web search and fetch only" },
	{ value: "codex", label: "codex", note: "codex exec, read-only sandbox, live web search" },
	{ value: "copilot", label: "copilot", note: "GitHub Copilot CLI, web search and fetch only" },
	{ value: "opencode", label: "opencode", note: "opencode run, web search and fetch only" },
	{ value: "ollama:llama3.2", label: "ollama:llama3.2", note: "ollama run llama3.2, prompt on stdin" },
];

const FAILED = ["failed", "timed-out", "cancelled"];

interface Props {
	state: WizardState;
	actions: WizardActions;
	tick: number;
	panelsVersion: number;
	columns: number;
	rows: number;
	now: () => number;
}

/** Why an agent's findings were not used, when they were not (the task is done on the built-in research). */
export function rejectedReason(state: WizardState, task: TaskId): string | undefined {
	const r = state.research[task];
	if (r.status !== "done" || r.backend === "builtin") return undefined;
	return r.findings?.note;
}

export function ResearchStep({ state, actions, tick, columns, rows, now }: Props) {
	const ui = useUiTheme();
	const [view, apply, latest] = useWidget(reduceResearchView, initResearchView);
	const layout = researchLayout(columns, rows, view.expanded);
	const task = focusedTask(view);
	const statuses = TASK_IDS.map((t) => state.research[t].status);
	const allDone = statuses.every((s) => s === "done");
	const failed = TASK_IDS.filter((t) => FAILED.includes(state.research[t].status));
	const rejected = TASK_IDS.filter((t) => rejectedReason(state, t) !== undefined);
	// Rows for an overlay (chooser, prompt): everything but the header, its border, the footer and a spare row.
	const overlayRows = Math.max(3, rows - 6);
	// The prompt is built (it reads the project's agent files) when `p` opens it, never while drawing.
	const [promptLines, setPromptLines] = useState<string[]>([]);

	useKeys((input, key, press) => {
		const now = latest();
		const current = focusedTask(now);
		if (now.chooser) {
			if (key.return) {
				actions.setAgent(current, AGENT_CHOICES[now.chooser.focused]!.value);
				apply({ type: "close-chooser" });
				return true;
			}
			apply(researchViewKeyAction(press, now, 1, 0, 0));
			// The chooser is modal: no other key acts behind it.
			return true;
		}
		const maxScroll = Math.max(0, actions.panels[current].retained - layout.bodyHeight);
		const maxPrompt = Math.max(0, promptLines.length - (overlayRows - 4));
		const action = researchViewKeyAction(press, now, layout.bodyHeight, maxScroll, maxPrompt);
		if (action?.type === "toggle-prompt" && now.prompt === undefined)
			setPromptLines(actions.promptFor(current).split("\n"));
		if (apply(action)) return true;
		if (now.prompt !== undefined) return input !== "q" && !key.return;
		const status = state.research[current].status;
		if (input === "a") {
			const backend = state.research[current].backend;
			apply({
				type: "open-chooser",
				count: AGENT_CHOICES.length,
				current: Math.max(
					0,
					AGENT_CHOICES.findIndex((c) => c.value === backend),
				),
			});
			return true;
		}
		if (input === "c" && status === "running") {
			actions.cancel(current);
			return true;
		}
		if (input === "b" && FAILED.includes(status)) {
			actions.fallback(current);
			return true;
		}
		if (input === "r" && FAILED.includes(status)) {
			actions.retry(current);
			return true;
		}
		// Enter has one meaning here: continue, once every task is done.
		if (key.return) {
			if (allDone) actions.finishResearch();
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
				lines={collapsed ? [] : buffer.tail(bodyHeight, view.scroll[task])}
				height={bodyHeight}
				width={layout.mode === "side" ? widths[i] : undefined}
				innerWidth={(layout.mode === "side" ? widths[i]! : columns) - 2}
				focused={i === view.focus}
				scrolledBack={view.scroll[task]}
				spinnerFrame={tick}
				collapsed={collapsed}
				error={s.error}
				rejected={rejectedReason(state, task)}
			/>
		);
	};

	let panels: React.ReactNode;
	let keys: [string, string][];
	if (view.chooser) {
		panels = (
			<Box flexDirection="column" borderStyle={ui.focusBorder} borderColor={theme.focus} height={overlayRows}>
				<Text bold wrap="truncate-end">
					Backend for {TASKS[task].title} (now: {state.research[task].backend})
				</Text>
				<ChoiceList
					items={AGENT_CHOICES}
					focused={view.chooser.focused}
					rows={Math.max(2, overlayRows - 3)}
					width={columns - 2}
				/>
			</Box>
		);
		keys = [
			["↑↓", "choose"],
			["Enter", "use it"],
			["Esc", "cancel"],
		];
	} else if (view.prompt !== undefined) {
		// The box: border (2), title, status line.
		const visible = overlayRows - 4;
		const first = view.prompt;
		const shown = promptLines.slice(first, first + visible);
		const below = promptLines.length - first - shown.length;
		panels = (
			<Box flexDirection="column" borderStyle={ui.focusBorder} borderColor={theme.focus} height={overlayRows}>
				<Text bold wrap="truncate-end">
					Prompt for {TASKS[task].title} (what an agent backend receives on stdin)
				</Text>
				<Text wrap="truncate-end">{shown.map((l) => fitToWidth(l || " ", columns - 2)).join("\n")}</Text>
				<Text color={theme.muted} wrap="truncate-end">
					{first > 0 ? `↑ ${first} lines above` : "top"} · {below > 0 ? `↓ ${below} more lines` : "end"}
				</Text>
			</Box>
		);
		keys = [
			["↑↓ PgUp PgDn", "scroll"],
			["p/Esc", "close"],
		];
	} else {
		if (layout.mode === "expanded")
			panels = (
				<Box flexDirection="column">
					<Text wrap="truncate-end">
						{TASK_IDS.map((task, i) => (
							<Text key={task} color={i === view.focus ? theme.focus : theme.muted} bold={i === view.focus}>
								{i > 0 ? " · " : ""}
								{i === view.focus && ui.noColor ? ui.currentStep(TASKS[task].title) : TASKS[task].title} (
								{state.research[task].status})
							</Text>
						))}
					</Text>
					{panelFor(task, view.focus, false)}
				</Box>
			);
		else if (layout.mode === "side")
			panels = (
				<Box flexDirection="row" width={columns}>
					{TASK_IDS.map((task, i) => panelFor(task, i, false))}
				</Box>
			);
		else
			panels = (
				<Box flexDirection="column">{TASK_IDS.map((task, i) => panelFor(task, i, i !== view.focus))}</Box>
			);
		const status = state.research[task].status;
		keys = [
			...(allDone ? ([["Enter", "continue"]] as [string, string][]) : []),
			["Tab/←→", "focus"],
			["↑↓ PgUp PgDn", "scroll"],
			["f", view.expanded ? "all panels" : "expand"],
			...(FAILED.includes(status)
				? ([
						["r", "retry"],
						["b", "built-in instead"],
					] as [string, string][])
				: []),
			...(status === "running" ? ([["c", "cancel"]] as [string, string][]) : []),
			["a", "agent"],
			["p", "prompt"],
			["?", "help"],
			["q", "quit"],
		];
	}

	const running = statuses.filter((s) => s === "running" || s === "pending").length;
	const message = failed.length
		? `${failed.map((f) => TASKS[f].title).join(", ")} did not finish: focus it; r retries, b uses the built-in research, a picks another agent.`
		: rejected.length
			? `${rejected.map((f) => TASKS[f].title).join(", ")}: the agent's findings were not usable; the built-in research answered.${allDone ? " Enter continues." : ""}`
			: allDone
				? "All three research tasks are done. Enter continues to the decisions."
				: `Waiting for ${running} research task${running === 1 ? "" : "s"}…`;
	const variant = failed.length ? "error" : rejected.length ? "warning" : allDone ? "success" : "info";
	return (
		<Box flexDirection="column">
			{panels}
			<StatusMessage variant={variant}>{fitToWidth(message, columns - 3)}</StatusMessage>
			<Footer keys={keys} />
		</Box>
	);
}
