// Baseline for the first-frame benchmark: the smallest Ink app, bundled the same way as the CLI.
import { render, Text } from "ink";

render(<Text>Hello from Ink</Text>);
setTimeout(() => process.exit(0), 50);
