// zod compiles a parser for each object schema with `new Function` on first use: quicker for parsing thousands of
// objects, slower for what this tool parses (a few handoffs, one session, one findings block, each once): about 4 ms
// against under 2 ms for the three input handoffs on a cold start. Every module that defines schemas imports this first.

import * as z from "zod";

z.config({ jitless: true });
