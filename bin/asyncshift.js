#!/usr/bin/env node
import { setFlagsFromString } from "node:v8";

// V8 optimizes a function once it has run "enough": its interrupt budget (67,584 bytecode bytes
// run by default). A run of asyncshift calls thousands of functions a few hundred times each, and
// optimizing them cost more CPU than it saved (one thread: django-allauth 0.93 -> 0.72 s, wagtail
// 2.57 -> 2.03 s, Django 4.31 -> 3.36 s, crewAI 15.8 -> 13.8 s with eight times the budget; issue
// 25). Set before the command line's code is loaded; worker threads share the process's flags.
// Only how soon code is optimized changes, never what it computes.
setFlagsFromString("--interrupt-budget=540672");

const { main } = await import("../dist/bundle/cli.js");
process.exitCode = await main(process.argv.slice(2));
