// Every code block in every golden section passes the parser or validator of its language (test/quality/code-validators.ts),
// and each validator rejects a broken block of its language, so these tests can fail.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type CodeBlock, codeBlocks, validateBlock } from "./code-validators";

const GOLDEN = path.resolve(__dirname, "../golden");
const sections = readdirSync(GOLDEN).filter((f) => f.endsWith(".md"));

describe.each(sections)("%s", (file) => {
	const blocks = codeBlocks(readFileSync(path.join(GOLDEN, file), "utf8"));

	it("has code blocks, each accepted by its language's validator", async () => {
		expect(blocks.length).toBeGreaterThan(0);
		const problems: string[] = [];
		for (const b of blocks) {
			const e = await validateBlock(b);
			if (e) problems.push(`line ${b.line} (${b.lang}${b.file ? ` ${b.file}` : ""}): ${e}`);
		}
		expect(problems).toEqual([]);
	});
});

const block = (lang: string, body: string, file?: string): CodeBlock => ({ lang, body, line: 1, file });

describe("each validator rejects a broken block and accepts a sound one", () => {
	it.each<[string, CodeBlock, boolean]>([
		["yaml", block("yaml", "a: 1\nb: [1, 2\n"), false],
		["yaml duplicate key", block("yaml", "a: 1\na: 2\n"), false],
		["yaml", block("yaml", "a: 1\nb: [1, 2]\n"), true],
		[
			"github workflow without runs-on",
			block(
				"yaml",
				"on: push\njobs:\n  a:\n    steps:\n      - run: echo hi\n",
				".github/workflows/deploy.yml",
			),
			false,
		],
		[
			"github workflow with a broken run step",
			block(
				"yaml",
				"on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: if true; then echo\n",
			),
			false,
		],
		[
			"github workflow",
			block(
				"yaml",
				// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
				'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.sha }}"\n',
			),
			true,
		],
		[
			"gitlab job without script",
			block("yaml", "stages: [test]\nt:\n  stage: test\n", ".gitlab-ci.yml"),
			false,
		],
		[
			"gitlab undeclared stage",
			block("yaml", "stages: [test]\nt:\n  stage: deploy\n  script: [ls]\n", ".gitlab-ci.yml"),
			false,
		],
		["gitlab", block("yaml", "stages: [test]\nt:\n  stage: test\n  script: [ls]\n", ".gitlab-ci.yml"), true],
		[
			"circleci requires an undeclared job",
			block(
				"yaml",
				"version: 2.1\njobs:\n  a:\n    docker: [{ image: cimg/base:current }]\n    steps: [checkout]\nworkflows:\n  w:\n    jobs:\n      - a: { requires: [b] }\n",
				".circleci/config.yml",
			),
			false,
		],
		[
			"azure deployment without environment",
			block(
				"yaml",
				"stages:\n  - stage: s\n    jobs:\n      - deployment: d\n        strategy: { runOnce: {} }\n",
				"azure-pipelines.yml",
			),
			false,
		],
		["toml", block("toml", 'app = "x"\n[http_service\n'), false],
		["toml", block("toml", 'app = "x"\n[http_service]\ninternal_port = 8080\n'), true],
		["hcl", block("hcl", 'resource "a" "b" {\n  x = \n}'), false],
		["hcl", block("hcl", 'resource "a" "b" {\n  x = 1\n}'), true],
		["json", block("json", '{"a": 1,}'), false],
		["bash", block("bash", 'for x in a b; do echo "$x"'), false],
		["bash", block("bash", 'for x in a b; do echo "$x"; done'), true],
		[
			"groovy unbalanced",
			block("groovy", "pipeline {\n  agent any\n  stages {\n    stage('a') { steps { sh 'ls' }\n  }\n}"),
			false,
		],
		[
			"groovy broken sh",
			block(
				"groovy",
				"pipeline {\n  agent any\n  stages {\n    stage('a') { steps { sh 'if true; then ls' } }\n  }\n}",
			),
			false,
		],
		[
			"groovy",
			block("groovy", "pipeline {\n  agent any\n  stages {\n    stage('a') { steps { sh 'ls' } }\n  }\n}"),
			true,
		],
		["bicep", block("bicep", "resource a 'x@1' = {\n  name: 'a'\n"), false],
		["typescript", block("typescript", "const a = {;"), false],
		["unknown language", block("cobol", "DISPLAY 'x'."), false],
	])("%s (valid=%s)", async (_name, b, valid) => {
		expect((await validateBlock(b)) === undefined).toBe(valid);
	});
});
