// THIRD_PARTY_NOTICES from the build's metafile: every package with code in the bundle, with its name, version,
// licence, copyright line and licence text, read from the package as installed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Packages whose published tarball carries no licence file: the text comes from the package's own repository at the
 * tag of the bundled version, kept in scripts/licenses/. A different version counts as missing until it is checked.
 */
export const LICENCE_SUPPLEMENTS = {
	"yoga-layout": {
		version: "3.2.1",
		file: "scripts/licenses/yoga-layout.LICENSE",
		source: "https://github.com/facebook/yoga/blob/v3.2.1/LICENSE",
	},
};

const LICENCE_FILE = /^(licen[cs]e|copying)([-.][a-z0-9]+)*(\.(md|txt|markdown))?$/i;

/** The package folder (relative to the project) an input path of the metafile belongs to, or undefined. */
export function packageDirOf(input, base = root) {
	// A plugin's namespace ("fast-string-width:/abs/path") is not part of the path.
	const stripped = input.replace(/^[a-z-]+:/i, "");
	const file = path.isAbsolute(stripped) ? path.relative(base, stripped).split(path.sep).join("/") : stripped;
	const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
	return m?.[1];
}

/** The package folders with code in the output (inputs tree-shaken to nothing are left out), each with its files. */
export function bundledPackageDirs(metafile, base = root) {
	const dirs = new Map();
	for (const output of Object.values(metafile.outputs))
		for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
			const dir = bytesInOutput > 0 ? packageDirOf(input, base) : undefined;
			if (dir) dirs.set(dir, [...(dirs.get(dir) ?? []), input.replace(/^[a-z-]+:/i, "")]);
		}
	return [...dirs.keys()].sort().map((dir) => ({ dir, files: [...new Set(dirs.get(dir))] }));
}

/** A copyright line from the licence text, else from the header of a bundled source file, else the package's author. */
function copyrightOf(text, files, pkg, base) {
	const fromText = text
		?.split("\n")
		.map((l) => l.trim())
		.find(isCopyrightLine);
	if (fromText) return fromText;
	for (const f of files) {
		const m = /Copyright\s+(\(c\)|©)\s*[^\n*]+/i.exec(readFileSync(path.resolve(base, f), "utf8"));
		if (m) return m[0].trim();
	}
	const author = typeof pkg.author === "string" ? pkg.author : pkg.author?.name;
	return author ? `(none stated; author: ${author})` : undefined;
}

/** The licence text of a package folder: its licence files, else a checked supplement for that exact version. */
function licenceText(dir, pkg, base) {
	const files = readdirSync(path.join(base, dir))
		.filter((f) => LICENCE_FILE.test(f))
		.sort();
	if (files.length > 0)
		return files.map((f) => readFileSync(path.join(base, dir, f), "utf8").trim()).join("\n\n");
	const extra = LICENCE_SUPPLEMENTS[pkg.name];
	if (extra && extra.version === pkg.version && existsSync(path.join(root, extra.file)))
		return readFileSync(path.join(root, extra.file), "utf8").trim();
	return undefined;
}

/** "Copyright (c) 2015 Someone", "Copyright 2019 …", "© Someone" — not licence prose such as "copyright notice". */
export function isCopyrightLine(line) {
	return /^(copyright\s+(\(c\)|©|\d)|©)/i.test(line) || /^Copyright\s+[A-Z]/.test(line);
}

/** One entry per bundled package: { name, version, licence, copyright, text } (text undefined when none is found). */
export function collectNotices(metafile, base = root) {
	return bundledPackageDirs(metafile, base).map(({ dir, files }) => {
		const pkg = JSON.parse(readFileSync(path.join(base, dir, "package.json"), "utf8"));
		const text = licenceText(dir, pkg, base);
		const licence =
			typeof pkg.license === "string" ? pkg.license : (pkg.license?.type ?? pkg.licenses?.[0]?.type);
		const copyright = copyrightOf(text, files, pkg, base);
		return { dir, name: pkg.name, version: pkg.version, licence: licence ?? "UNKNOWN", copyright, text };
	});
}

/** The notices file. Several folders of one name and version (nested copies) are listed once. */
export function renderNotices(entries, product) {
	const seen = new Set();
	const parts = [
		`${product} bundles the following third-party packages in dist/. Their licences and notices follow.`,
	];
	for (const e of entries) {
		const key = `${e.name}@${e.version}`;
		if (seen.has(key)) continue;
		seen.add(key);
		parts.push(
			[
				"-".repeat(79),
				`${e.name} ${e.version}`,
				`Licence: ${e.licence}`,
				`Copyright: ${e.copyright ?? "(no copyright line in the licence text)"}`,
				"",
				e.text ?? "(no licence text found)",
			].join("\n"),
		);
	}
	return `${parts.join("\n\n")}\n`;
}
