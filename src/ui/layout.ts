// Research screen geometry from the terminal size: side by side from 110 columns, stacked below; never taller than rows - 1.

export const SIDE_BY_SIDE_MIN_COLUMNS = 110;

export interface ResearchLayout {
	mode: "side" | "stacked" | "expanded";
	/** Output rows inside the focused (or every) panel. */
	bodyHeight: number;
}

/** Rows the research screen spends outside the panels: header, status line, footer, and one spare row. */
const CHROME_ROWS = 4;
/** Border (2) and the two header lines of a panel. */
const PANEL_CHROME = 4;

export function researchLayout(columns: number, rows: number, expanded: boolean): ResearchLayout {
	const free = Math.max(1, rows - CHROME_ROWS);
	if (expanded) return { mode: "expanded", bodyHeight: Math.max(1, free - PANEL_CHROME - 2) };
	if (columns >= SIDE_BY_SIDE_MIN_COLUMNS)
		return { mode: "side", bodyHeight: Math.max(1, Math.min(free - PANEL_CHROME - 1, 40)) };
	// Stacked: two collapsed panels take their chrome only. Too short for that: the focused panel alone, with a strip
	// naming all three (the frame must stay shorter than the terminal, or Ink clears the screen on every frame).
	const stackedBody = free - 3 * PANEL_CHROME - 1;
	if (stackedBody < 3) return { mode: "expanded", bodyHeight: Math.max(1, free - PANEL_CHROME - 2) };
	return { mode: "stacked", bodyHeight: stackedBody };
}

export function formatElapsed(ms: number): string {
	const s = Math.max(0, Math.floor(ms / 1000));
	if (s < 60) return `${s}s`;
	return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}
