import type { Metafile } from "esbuild";

export interface Notice {
	dir: string;
	name: string;
	version: string;
	licence: string;
	copyright: string | undefined;
	text: string | undefined;
}
export const LICENCE_SUPPLEMENTS: Record<string, { version: string; file: string; source: string }>;
export function packageDirOf(input: string, base?: string): string | undefined;
export function bundledPackageDirs(metafile: Metafile, base?: string): { dir: string; files: string[] }[];
export function isCopyrightLine(line: string): boolean;
export function collectNotices(metafile: Metafile, base?: string): Notice[];
export function renderNotices(entries: Notice[], product: string): string;
