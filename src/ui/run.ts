// Interactive driver (being built): for now it points to the non-interactive mode.
import type { CliOptions } from "../args";

export async function runInteractive(_opts: CliOptions): Promise<number> {
	process.stderr.write("genesis-tui: the interactive wizard is not available yet; run genesis-tui --yes\n");
	return 2;
}
