// Answers typed at a terminal, or read line by line from a pipe (`printf 'secret\n' | npm run create-admin`).
// On a terminal a hidden answer is read with echo off, so a password never appears on the screen or in a
// screen recording; prompts go to stderr, leaving stdout to the result.
import readline from "node:readline";

export type Input = { ask: (prompt: string) => Promise<string>; askHidden: (prompt: string) => Promise<string>; isTerminal: boolean; close: () => void };

export class InputCancelled extends Error {}

function terminalLine(prompt: string, echo: boolean): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    // Echo goes off before the prompt shows: keys typed the moment it appears must not be echoed either.
    stdin.setEncoding("utf8");
    stdin.setRawMode(true);
    process.stderr.write(prompt);
    let value = "";
    const finish = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === "\r" || character === "\n") return finish();
        // Ctrl-C, Ctrl-D: the person gave up.
        if (character === "\u0003" || character === "\u0004") return finish(new InputCancelled("cancelled"));
        if (character === "\u007f" || character === "\b") {
          if (value && echo) process.stderr.write("\b \b");
          value = [...value].slice(0, -1).join("");
          continue;
        }
        if (character < " ") continue;
        value += character;
        if (echo) process.stderr.write(character);
      }
    };
    stdin.on("data", onData);
    stdin.resume();
  });
}

function pipedInput(): Input {
  const lines: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let ended = false;
  const reader = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  reader.on("line", (line) => (waiting.length ? waiting.shift()!(line) : lines.push(line)));
  reader.on("close", () => {
    ended = true;
    for (const wake of waiting.splice(0)) wake(null);
  });
  const next = async (prompt: string) => {
    process.stderr.write(`${prompt}\n`);
    const line = lines.length ? lines.shift()! : ended ? null : await new Promise<string | null>((resolve) => waiting.push(resolve));
    if (line === null) throw new InputCancelled("the input ended before every answer was given");
    return line;
  };
  return { ask: next, askHidden: next, isTerminal: false, close: () => reader.close() };
}

export function openInput(): Input {
  if (!process.stdin.isTTY) return pipedInput();
  return { ask: (prompt) => terminalLine(prompt, true), askHidden: (prompt) => terminalLine(prompt, false), isTerminal: true, close: () => {} };
}
