import type { Plugin } from "esbuild";

export function fastStringWidth(): Plugin;
export function yogaWithoutFetch(): Plugin;
export function fastAnsiTokenize(): Plugin;
export function patchYogaLoader(source: string): string | undefined;
export const YOGA_FETCH_TEST: string;
export const YOGA_DECODE_START: string;
export const BUNDLE_MARKERS: { yoga: string };
export function missingPatches(metafile: import("esbuild").Metafile, outputTexts: string[]): string[];
