// THIRD_PARTY_NOTICES: every package with code in the bundle is listed with its licence text and a copyright line.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleOptions } from "../../scripts/bundle-options.mjs";
import { collectNotices, isCopyrightLine, renderNotices } from "../../scripts/notices.mjs";

let metafile: Metafile;

beforeAll(async () => {
	const r = await build({ ...bundleOptions(), outdir: "dist-notices", write: false, logLevel: "error" });
	metafile = r.metafile;
}, 60_000);

describe("the notices of the real bundle", () => {
	it("every bundled package has a licence text and a copyright line", () => {
		const notices = collectNotices(metafile);
		expect(notices.map((n) => n.name)).toEqual(
			expect.arrayContaining(["ink", "react", "zod", "conf", "execa"]),
		);
		expect(notices.filter((n) => n.text === undefined).map((n) => `${n.name}@${n.version}`)).toEqual([]);
		expect(notices.filter((n) => n.copyright === undefined).map((n) => n.name)).toEqual([]);
		expect(notices.filter((n) => n.licence === "UNKNOWN").map((n) => n.name)).toEqual([]);
	});

	it("the file names each package with its version, licence and text", () => {
		const notices = collectNotices(metafile);
		const text = renderNotices(notices, "genesis-tui");
		for (const n of notices) expect(text).toContain(`${n.name} ${n.version}\nLicence: ${n.licence}\n`);
		const yoga = notices.find((n) => n.name === "yoga-layout");
		// yoga-layout publishes no licence file: its text comes from its repository at the bundled tag.
		expect(yoga?.text).toMatch(/^MIT License/);
	});
});

describe("collecting notices", () => {
	const base = mkdtempSync(path.join(tmpdir(), "genesis-notices-"));
	const pkg = (dir: string, json: object, files: Record<string, string>) => {
		mkdirSync(path.join(base, dir), { recursive: true });
		writeFileSync(path.join(base, dir, "package.json"), JSON.stringify(json));
		for (const [f, body] of Object.entries(files)) writeFileSync(path.join(base, dir, f), body);
	};
	pkg(
		"node_modules/licensed",
		{ name: "licensed", version: "1.0.0", license: "MIT" },
		{
			"index.js": "x",
			"LICENSE.md": "MIT License\n\nCopyright (c) 2020 Someone\n\nPermission is hereby granted",
		},
	);
	pkg(
		"node_modules/bare",
		{ name: "bare", version: "2.0.0", license: "ISC", author: "A. Person" },
		{
			"index.js": "x",
		},
	);
	pkg(
		"node_modules/licensed/node_modules/inner",
		{ name: "inner", version: "0.1.0", license: "MIT" },
		{
			"index.js": "/*! Copyright (c) 2019 Inner Author */ x",
			LICENSE: "Permission is hereby granted, subject to the copyright notice above",
		},
	);
	pkg("node_modules/shaken", { name: "shaken", version: "1.0.0", license: "MIT" }, { "index.js": "x" });
	pkg(
		"node_modules/yoga-layout",
		{ name: "yoga-layout", version: "9.9.9", license: "MIT" },
		{ "index.js": "x" },
	);
	const meta = {
		inputs: {},
		outputs: {
			"dist/cli.js": {
				bytes: 1,
				imports: [],
				exports: [],
				inputs: {
					"node_modules/licensed/index.js": { bytesInOutput: 10 },
					"node_modules/bare/index.js": { bytesInOutput: 10 },
					[`plugin-ns:${path.join(base, "node_modules/licensed/node_modules/inner/index.js")}`]: {
						bytesInOutput: 10,
					},
					"node_modules/shaken/index.js": { bytesInOutput: 0 },
					"node_modules/yoga-layout/index.js": { bytesInOutput: 10 },
					"src/cli.ts": { bytesInOutput: 10 },
				},
			},
		},
	} as unknown as Metafile;
	afterAll(() => rmSync(base, { recursive: true, force: true }));

	it("lists packages with code in the output, nested copies too, and not the tree-shaken ones", () => {
		expect(collectNotices(meta, base).map((n) => n.name)).toEqual([
			"bare",
			"licensed",
			"inner",
			"yoga-layout",
		]);
	});

	it("a package without licence text is reported, and the file says so", () => {
		const byName = Object.fromEntries(collectNotices(meta, base).map((n) => [n.name, n]));
		expect(byName.bare?.text).toBeUndefined();
		expect(byName.bare?.copyright).toBe("(none stated; author: A. Person)");
		// The kept yoga-layout text is for the version it was checked against only.
		expect(byName["yoga-layout"]?.text).toBeUndefined();
		expect(renderNotices(collectNotices(meta, base), "x")).toContain(
			"bare 2.0.0\nLicence: ISC\nCopyright: (none stated; author: A. Person)\n\n(no licence text found)",
		);
	});

	it("the copyright line comes from the licence, else from a bundled file's header", () => {
		const byName = Object.fromEntries(collectNotices(meta, base).map((n) => [n.name, n]));
		expect(byName.licensed?.copyright).toBe("Copyright (c) 2020 Someone");
		expect(byName.licensed?.text).toContain("Permission is hereby granted");
		expect(byName.inner?.copyright).toBe("Copyright (c) 2019 Inner Author");
	});

	it("licence prose that mentions copyright is not a copyright line", () => {
		expect(isCopyrightLine("Copyright 2025 ehmicky <ehmicky@gmail.com>")).toBe(true);
		expect(isCopyrightLine("Copyright (c) Meta Platforms, Inc. and affiliates.")).toBe(true);
		expect(isCopyrightLine("© 2020 Someone")).toBe(true);
		expect(isCopyrightLine("copyright notice that is included in or attached to the work")).toBe(false);
		expect(isCopyrightLine("copyright rights in its Contribution, if any")).toBe(false);
		expect(isCopyrightLine("(c) You must retain, in the Source form")).toBe(false);
	});
});

it("the build writes the notices file next to package.json", () => {
	expect(readFileSync("THIRD_PARTY_NOTICES", "utf8")).toMatch(/^genesis-tui bundles the following/);
});
