// One theme for every screen: semantic colours (chalk drops them when colour is off).

export const theme = {
	accent: "cyan",
	ok: "green",
	warn: "yellow",
	error: "red",
	muted: "gray",
	recommended: "green",
	focus: "cyan",
} as const;

export const glyphs = {
	ok: "✔",
	warn: "⚠",
	error: "✖",
	pointer: "❯",
	checked: "◉",
	unchecked: "◯",
	spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"],
} as const;
