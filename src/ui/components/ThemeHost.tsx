// Hosts the project theme in @inkjs/ui's ThemeProvider (extendTheme over its defaults), with a no-colour variant
// whose cues are glyphs and borders. Loaded with the screens that use @inkjs/ui, not with the first frame.

import { defaultTheme, extendTheme, ThemeProvider } from "@inkjs/ui";
import type { ReactNode } from "react";
import { theme as colours, colourTheme, noColourTheme, UiThemeContext } from "../theme";

type Variant = "success" | "error" | "warning" | "info";

const VARIANT_COLOURS: Record<Variant, string> = {
	success: colours.ok,
	error: colours.error,
	warning: colours.warn,
	info: colours.accent,
};

function projectTheme(noColor: boolean) {
	return extendTheme(defaultTheme, {
		components: {
			StatusMessage: {
				styles: {
					icon: ({ variant }: { variant: Variant }) => (noColor ? {} : { color: VARIANT_COLOURS[variant] }),
				},
			},
			Badge: {
				// Without colour a badge is its label in brackets (the background would be the only cue).
				styles: {
					container: ({ color }: { color: string }) => (noColor ? {} : { backgroundColor: color }),
					label: () => (noColor ? {} : { color: "black" }),
				},
			},
			// The confirmation takes its keys from the app's one dispatcher (it is drawn with isDisabled): not dimmed.
			ConfirmInput: { styles: { input: () => ({ bold: true }) } },
			UnorderedList: { config: () => ({ marker: "·" }) },
		},
	});
}

const themes = { colour: projectTheme(false), plain: projectTheme(true) };

export function ThemeHost({ noColor, children }: { noColor: boolean; children: ReactNode }) {
	return (
		<ThemeProvider theme={noColor ? themes.plain : themes.colour}>
			<UiThemeContext.Provider value={noColor ? noColourTheme : colourTheme}>
				{children}
			</UiThemeContext.Provider>
		</ThemeProvider>
	);
}
