// The CLI under awkward input and faults: questions from a file or stdin, questions too long, hints
// that name the CLI's own flags, and stopping by signal however it arrives (real processes).
// The server is the scripted test double (tests/support/scriptedServer.ts).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedServer, type ScriptedServer } from '../tests/support/scriptedServer';
import { main, type AskJson, type Io } from './main';
import { MAX_QUESTION_CHARS } from './questionInput';

let server: ScriptedServer;
let scratch: string;
beforeAll(async () => {
  server = await startScriptedServer();
  scratch = mkdtempSync(join(tmpdir(), 'clinrevise-cli-'));
});
afterAll(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function runCli(argv: string[], extra: Partial<Io> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, ...extra });
  return { code, stdout, stderr };
}

const ask = (...rest: string[]) => ['ask', '--base-url', server.url, '--model', 'scripted', ...rest];

/** The question the server was sent in the last classification request. */
const lastQuestionSent = () => {
  const draft = [...server.requests].reverse().find((r) => r.step === 'draft');
  return draft?.body.messages.at(-1)?.content ?? '';
};

/** Hints must speak of the command line, never of the web page. */
function expectCliWording(line: string) {
  expect(line).not.toMatch(/Settings|CORS|this page|\(bad port\)/);
}

// Loading the tokenizer for the first run takes seconds on a busy machine.
describe('where the question comes from', { timeout: 30_000 }, () => {
  it('reads it from --question-file', async () => {
    const file = join(scratch, 'q.txt');
    writeFileSync(file, 'My son has had a fever for two days.\nShould he see a doctor?\n');
    const { code, stdout } = await runCli(ask('--json', '--question-file', file));
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as AskJson).question).toBe('My son has had a fever for two days.\nShould he see a doctor?');
    expect(lastQuestionSent()).toContain('Should he see a doctor?');
  });

  it('reads it from standard input, given "-" or piped with no question', async () => {
    for (const argv of [ask('--json', '-'), ask('--json')]) {
      const stdin = Object.assign(Readable.from([Buffer.from('Is ibuprofen safe '), Buffer.from('with a cold?')]), { isTTY: false });
      const { code, stdout } = await runCli(argv, { stdin });
      expect(code, argv.join(' ')).toBe(0);
      expect((JSON.parse(stdout) as AskJson).question).toBe('Is ibuprofen safe with a cold?');
    }
  });

  it('refuses a question given both ways, and a missing file in one line', async () => {
    const both = await runCli(ask('--question-file', join(scratch, 'q.txt'), 'and this'));
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either as arguments or with --question-file/);
    const missing = await runCli(ask('--question-file', join(scratch, 'nope.txt')));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`clinrevise: Cannot read --question-file ${join(scratch, 'nope.txt')}: no such file.\n`);
  });

  it('refuses a 1 MB question on stdin in one line, exit 1, quickly and without contacting the server', async () => {
    const before = server.requests.length;
    const megabyte = 'a'.repeat(64 * 1024);
    const stdin = Object.assign(Readable.from(Array.from({ length: 16 }, () => megabyte)), { isTTY: false });
    const started = performance.now();
    const { code, stderr, stdout } = await runCli(ask('-'), { stdin });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/question from standard input is over the limit of 100,000 characters/);
    expect(server.requests.length).toBe(before);
  });

  it('refuses a question just over the limit from a file or the arguments, naming its length', async () => {
    const file = join(scratch, 'long.txt');
    writeFileSync(file, 'é'.repeat(MAX_QUESTION_CHARS + 1));
    const fromFile = await runCli(ask('--question-file', file));
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toContain(`is ${(MAX_QUESTION_CHARS + 1).toLocaleString('en')} characters, over the limit`);
    const fromArgs = await runCli(ask('x'.repeat(MAX_QUESTION_CHARS + 1)));
    expect(fromArgs.code).toBe(1);
    expect(fromArgs.stderr.trim().split('\n')).toHaveLength(1);
    // Exactly at the limit is accepted (it then fails or succeeds on its merits, not on length).
    writeFileSync(file, 'é'.repeat(MAX_QUESTION_CHARS));
    expect((await runCli(ask('--question-file', file, '--context-window', '512'))).stderr).not.toMatch(/over the limit/);
  });
});

describe('hints name the CLI flags', { timeout: 30_000 }, () => {
  it('a server that sends nothing: names --timeout', async () => {
    // A server of its own: no kept-alive connection from earlier tests to be reused.
    const hanging = await startScriptedServer({ behaviour: 'hang' });
    try {
      const { code, stderr } = await runCli(['ask', '--base-url', hanging.url, '--model', 'm', '--timeout', '1', 'q?']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^clinrevise: Drafting the answer failed: The model server at .* sent nothing for 1 s\..*--timeout SECONDS/);
      expectCliWording(stderr);
    } finally {
      await hanging.close();
    }
  });

  it('a server that is down: says the connection was refused and names --base-url', async () => {
    const down = await startScriptedServer();
    const url = down.url;
    await down.close();
    const { code, stderr } = await runCli(['ask', '--base-url', url, '--model', 'm', 'q?']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`Could not reach the model server at ${url}: connection refused`);
    expect(stderr).toContain('--base-url');
    expectCliWording(stderr);
  });

  it('a port fetch refuses: bad usage naming the port, before any request', async () => {
    const { code, stderr } = await runCli(['ask', '--base-url', 'http://127.0.0.1:6000/v1', '--model', 'm', 'q?']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--base-url uses port 6000, which fetch refuses to connect to/);
    expectCliWording(stderr);
  });

  it('a wrong path (HTTP 404): names --base-url and --model', async () => {
    const root = server.url.replace(/\/v1$/, '');
    const { code, stderr } = await runCli(['ask', '--base-url', root, '--model', 'm', 'q?']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/HTTP 404\. Check --base-url \(it usually ends in \/v1\) and --model\./);
    expectCliWording(stderr);
  });
});

describe('stopping (real processes)', () => {
  /** Starts `node cli/bin.mjs ask` against a server that never answers; resolves once it has asked. */
  async function startHangingRun(
    command: string,
    args: string[],
  ): Promise<{ child: ChildProcess; output: () => string; exit: Promise<{ code: number | null; stderr: string }> }> {
    server.options.behaviour = 'hang';
    const before = server.requests.length;
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    const exit = new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr, stdout })));
    await expect.poll(() => server.requests.length, { timeout: 20_000, interval: 100 }).toBeGreaterThan(before);
    return { child, exit, output: () => stdout };
  }
  const bin = ['cli/bin.mjs', 'ask', '--base-url', '', '--model', 'm', 'Is it safe to run with a cold?'];
  const binArgs = () => bin.map((a) => (a === '' ? server.url : a));

  it('SIGINT stops the run: exit 130 and "stopped"', async () => {
    try {
      const { child, exit } = await startHangingRun('node', binArgs());
      child.kill('SIGINT');
      const { code, stderr } = await exit;
      expect(code).toBe(130);
      expect(stderr).toContain('clinrevise: stopped.');
    } finally {
      server.options.behaviour = 'normal';
    }
  }, 40_000);

  it('SIGTERM stops the run: exit 143', async () => {
    try {
      const { child, exit } = await startHangingRun('node', binArgs());
      child.kill('SIGTERM');
      expect((await exit).code).toBe(143);
    } finally {
      server.options.behaviour = 'normal';
    }
  }, 40_000);

  it('when the signal reaches only the parent (as under npx: npm → sh → node) and the parent dies, the run stops', async () => {
    try {
      // The shell prints the CLI's pid, then waits for it, as npm's `sh -c` does.
      const quoted = binArgs().map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
      const { child, exit, output } = await startHangingRun('sh', ['-c', `node ${quoted} & echo $!; wait`]);
      const pid = Number(output().trim());
      expect(pid).toBeGreaterThan(0);
      child.kill('SIGKILL');
      await exit;
      const alive = () => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      await expect.poll(alive, { timeout: 5_000, interval: 100 }).toBe(false);
    } finally {
      server.options.behaviour = 'normal';
    }
  }, 40_000);
});
