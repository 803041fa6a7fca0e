// One theme for every screen: semantic colours, glyphs, and the cues that stand in for colour when it is off.
// The same theme is handed to @inkjs/ui (ThemeProvider/extendTheme in components/ThemeHost.tsx) and read by the
// project's own widgets through useUiTheme().

import { createContext, useContext } from "react";

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
	info: "ℹ",
	error: "✖",
	pointer: "❯",
	checked: "◉",
	unchecked: "◯",
	spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"],
} as const;

export interface UiTheme {
	/** No colour and no inverse (NO_COLOR, --no-color, FORCE_COLOR=0): cues must be glyphs or borders. */
	noColor: boolean;
	/** The text cursor when inverse video is not available: a bar between characters. */
	cursorGlyph: string;
	/** The current step in the header without colour. */
	currentStep: (label: string) => string;
	/** A placeholder without colour must not look typed. */
	placeholder: (text: string) => string;
	/** A focused panel's border (a double line is a cue without colour). */
	focusBorder: "round" | "double";
}

export const colourTheme: UiTheme = {
	noColor: false,
	cursorGlyph: " ",
	currentStep: (label) => label,
	placeholder: (text) => text,
	focusBorder: "round",
};

export const noColourTheme: UiTheme = {
	noColor: true,
	cursorGlyph: "▏",
	currentStep: (label) => `[${label}]`,
	placeholder: (text) => `‹${text}›`,
	focusBorder: "double",
};

export const UiThemeContext = createContext<UiTheme>(colourTheme);

export function useUiTheme(): UiTheme {
	return useContext(UiThemeContext);
}
