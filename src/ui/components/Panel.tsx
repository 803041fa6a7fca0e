// One research panel: agent, backend, spinner, elapsed time, line count, state, and the visible tail of its output.

import { Box, Text } from "ink";
import { memo } from "react";
import type { PanelLine } from "../../engine/research/panel-buffer";
import type { TaskStatus } from "../../engine/wizard/state";
import { fitToWidth } from "../text-width";
import { glyphs, theme } from "../theme";

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

function statusGlyph(status: TaskStatus, frame: number): { glyph: string; color: string } {
	if (status === "running")
		return { glyph: glyphs.spinner[frame % glyphs.spinner.length]!, color: theme.accent };
	if (status === "done") return { glyph: glyphs.ok, color: theme.ok };
	if (status === "pending") return { glyph: "·", color: theme.muted };
	return { glyph: glyphs.error, color: theme.error };
}

function PanelView(props: PanelProps) {
	const { glyph, color } = statusGlyph(props.status, props.spinnerFrame);
	const body = props.lines.slice(-props.height);
	return (
		<Box
			flexDirection="column"
			borderStyle="round"
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
				<Text wrap="truncate-end" color={theme.muted}>
					{props.agent} · {props.backend} · {STATUS_TEXT[props.status]} · {props.elapsed} · {props.lineCount}{" "}
					lines
					{props.scrolledBack > 0 ? ` · ↑${props.scrolledBack}` : ""}
				</Text>
			</Box>
			{props.collapsed ? null : (
				// One Text for the whole body, and inside it one per run of lines from the same stream (stderr is dimmed):
				// a handful of nodes for React and Ink to go through, redrawn several times a second, not one per line.
				<Box height={props.height}>
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
			{props.error && !props.collapsed ? (
				<Text color={theme.error} wrap="truncate-end">
					{props.error}
				</Text>
			) : null}
		</Box>
	);
}

export const Panel = memo(PanelView);
