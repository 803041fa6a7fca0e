// Terminal columns and rows from Ink's stdout, updated on resize.

import { useStdout } from "ink";
import { useEffect, useState } from "react";

function sizeOf(stdout: NodeJS.WriteStream): { columns: number; rows: number } {
	return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

export function useTerminalSize(): { columns: number; rows: number } {
	const { stdout } = useStdout();
	const [size, setSize] = useState(() => sizeOf(stdout));
	useEffect(() => {
		const onResize = () => setSize(sizeOf(stdout));
		stdout.on("resize", onResize);
		return () => {
			stdout.off("resize", onResize);
		};
	}, [stdout]);
	return size;
}
