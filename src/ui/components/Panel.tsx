// One research panel: agent, backend, spinner, elapsed time, line count, state, and the visible tail of its output.

import { Box, Text } from "ink";
import { memo } from "react";
import type { PanelLine } from "../../engine/research/panel-buffer";
import type { TaskStatus } from "../../engine/wizard/state";
import { fitToWidth, wrapToWidth } from "../text-width";
import { glyphs, theme, useUiTheme } from "../theme";

export interface PanelProps {
	title: string;
	agent: string;
	backend: string;
	status: TaskStatus;
	elapsed: string;
	lineCount: number;
	lines: PanelLine[];
	/** Body rows (the visible tail), not counting the border and header. */
	height: number;
	focused: boolean;
	scrolledBack: number;
	spinnerFrame: number;
	/** Collapsed: header only (stacked layout, unfocused panels). */
	collapsed?: boolean;
	error?: string;
	/** Findings the agent gave were rejected and the built-in research answered: why. */
	rejected?: string;
	/** Exact width in columns (side by side); otherwise the panel fills its row. */
	width?: number;
	/** Columns inside the border, for cutting lines before Ink has to. */
	innerWidth: number;
}

/** Cuts a line to the panel's width (wide characters count as two columns). */
function fitLine(text: string, width: number): string {
	return text.length === 0 ? " " : fitToWidth(text, width);
}

/** Consecutive lines of one stream joined, each cut to the panel's width. */
function streamRuns(lines: PanelLine[], width: number): { stream: PanelLine["stream"]; text: string }[] {
	const runs: { stream: PanelLine["stream"]; text: string }[] = [];
	for (const l of lines) {
		const text = fitLine(l.text, width);
		const last = runs[runs.length - 1];
		if (last?.stream === l.stream) last.text += `\n${text}`;
		else runs.push({ stream: l.stream, text });
	}
	return runs;
}

const STATUS_TEXT: Record<TaskStatus, string> = {
	pending: "waiting",
	running: "running",
	done: "done",
	failed: "failed",
	"timed-out": "timed out",
	cancelled: "cancelled",
};

function statusGlyph(status: TaskStatus, frame: number, rejected: boolean): { glyph: string; color: string } {
	if (rejected) return { glyph: glyphs.warn, color: theme.warn };
	if (status === "running")
		return { glyph: glyphs.spinner[frame % glyphs.spinner.length]!, color: theme.accent };
	if (status === "done") return { glyph: glyphs.ok, color: theme.ok };
	if (status === "pending") return { glyph: "·", color: theme.muted };
	return { glyph: glyphs.error, color: theme.error };
}

function PanelView(props: PanelProps) {
	const ui = useUiTheme();
	const rejected = props.status === "done" && props.rejected !== undefined;
	const { glyph, color } = statusGlyph(props.status, props.spinnerFrame, rejected);
	// A failure or a rejection is wrapped inside the body's rows (at most 3), so the panel keeps its height.
	const notice = rejected ? `built-in used: ${props.rejected}` : props.error;
	const noticeLines =
		notice && !props.collapsed ? wrapToWidth(notice, props.innerWidth, Math.min(3, props.height)) : [];
	const body = props.lines.slice(-Math.max(0, props.height - noticeLines.length));
	const statusText = rejected ? "built-in used" : STATUS_TEXT[props.status];
	return (
		<Box
			flexDirection="column"
			borderStyle={props.focused ? ui.focusBorder : "round"}
			borderColor={props.focused ? theme.focus : theme.muted}
			{...(props.width ? { width: props.width } : { flexGrow: 1 })}
		>
			<Box>
				<Text wrap="truncate-end">
					<Text color={color}>{glyph} </Text>
					<Text bold>{props.title}</Text>
				</Text>
			</Box>
			<Box>
				{/* What changes first (status, time, lines, scroll), then who: cut at the right, the facts stay. */}
				<Text wrap="truncate-end" color={theme.muted}>
					{statusText} · {props.elapsed} · {props.lineCount} lines
					{props.scrolledBack > 0 ? ` · ↑${props.scrolledBack} back` : ""} · {props.backend} · {props.agent}
				</Text>
			</Box>
			{props.collapsed ? null : (
				// One Text for the whole body, and inside it one per run of lines from the same stream (stderr is dimmed):
				// a handful of nodes for React and Ink to go through, redrawn several times a second, not one per line.
				<Box height={Math.max(0, props.height - noticeLines.length)}>
					<Text wrap="truncate-end">
						{streamRuns(body, props.innerWidth).map((run, i, runs) => (
							// biome-ignore lint/suspicious/noArrayIndexKey: runs are positional in a scrolling window
							<Text key={i} dimColor={run.stream === "stderr"}>
								{run.text}
								{i < runs.length - 1 ? "\n" : ""}
							</Text>
						))}
					</Text>
				</Box>
			)}
			{noticeLines.length ? (
				<Text color={rejected ? theme.warn : theme.error} wrap="truncate-end">
					{noticeLines.join("\n")}
				</Text>
			) : null}
		</Box>
	);
}

export const Panel = memo(PanelView);
