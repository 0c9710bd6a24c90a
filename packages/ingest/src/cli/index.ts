// The CLI's parts, for running its commands in-process (the README's examples test does).
export { parseCommand, usage, UsageError, type Command } from "./arguments.js";
export { runCommand, type RunOptions, type StoreCommand } from "./run.js";
export { runCommandLine, INTERRUPTED_STATUS, type CommandContext, type CommandLine } from "./command-line.js";
