// Where `ask` gets its question: the arguments, a file (--question-file) or standard input. Long
// questions cannot be arguments (the OS caps one argument near 128 KB, before we ever run), so
// files and stdin are read with a cap, and a question over it is refused in one line.

import { createReadStream } from 'node:fs';

/** The longest question accepted, in characters (about 25,000 tokens; any context check comes later). */
export const MAX_QUESTION_CHARS = 100_000;

/** The question is longer than MAX_QUESTION_CHARS: refused before any tokenising or request. */
export class QuestionTooLongError extends Error {
  readonly code = 'cli_question_too_long';
  constructor(readonly source: string, readonly chars: number | null) {
    super(
      `The question from ${source} is ${chars === null ? 'over' : `${chars.toLocaleString('en')} characters, over`} the limit of ` +
        `${MAX_QUESTION_CHARS.toLocaleString('en')} characters (about 25,000 tokens). Shorten it.`,
    );
    this.name = 'QuestionTooLongError';
  }
}

/** The question file cannot be read. */
export class QuestionFileError extends Error {
  readonly code = 'cli_question_file';
  constructor(readonly path: string, reason: string) {
    super(`Cannot read --question-file ${path}: ${reason}.`);
    this.name = 'QuestionFileError';
  }
}

/** A byte stream (a file or stdin); `isTTY` tells an interactive terminal apart from a pipe. */
export type InputStream = AsyncIterable<Uint8Array | string> & { isTTY?: boolean; destroy?(): unknown };

/**
 * Reads a whole stream as UTF-8, stopping as soon as it is certainly too long (each character takes at
 * least one byte, so more than 4 bytes per allowed character is always over), so a huge input is
 * never buffered whole.
 */
export async function readQuestionStream(stream: InputStream, source: string, signal?: AbortSignal): Promise<string> {
  const maxBytes = MAX_QUESTION_CHARS * 4;
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    signal?.throwIfAborted();
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    bytes += buffer.length;
    if (bytes > maxBytes) {
      stream.destroy?.();
      throw new QuestionTooLongError(source, null);
    }
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  checkQuestionLength(text, source);
  return text;
}

/** Throws QuestionTooLongError when `text` is over the limit. */
export function checkQuestionLength(text: string, source: string): void {
  // Count code points, not UTF-16 units, so the limit means what it says for any script.
  let chars = 0;
  for (const _ of text) if (++chars > MAX_QUESTION_CHARS) break;
  if (chars > MAX_QUESTION_CHARS) throw new QuestionTooLongError(source, [...text].length);
}

export interface QuestionSources {
  positionals: string[];
  questionFile: string | undefined;
  stdin: InputStream | undefined;
  signal?: AbortSignal;
}

/**
 * The question, from exactly one place: `--question-file PATH` (`-` for stdin), a lone `-` argument
 * (stdin), the arguments, or stdin when it is a pipe and nothing else was given. Returns '' when
 * there is none; the caller reports usage.
 */
export async function readQuestion({ positionals, questionFile, stdin, signal }: QuestionSources): Promise<{ question: string; conflict: boolean }> {
  const fromArgs = positionals.join(' ');
  const wantsStdin = questionFile === '-' || (positionals.length === 1 && positionals[0] === '-');
  if (questionFile !== undefined && positionals.length > 0) return { question: '', conflict: true };
  if (wantsStdin || (questionFile === undefined && positionals.length === 0 && stdin && !stdin.isTTY)) {
    if (!stdin) return { question: '', conflict: false };
    return { question: (await readQuestionStream(stdin, 'standard input', signal)).trim(), conflict: false };
  }
  if (questionFile !== undefined) {
    const stream = createReadStream(questionFile);
    try {
      return { question: (await readQuestionStream(stream, questionFile, signal)).trim(), conflict: false };
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 'ENOENT') throw new QuestionFileError(questionFile, 'no such file');
      if (code === 'EISDIR') throw new QuestionFileError(questionFile, 'it is a folder');
      if (code === 'EACCES') throw new QuestionFileError(questionFile, 'permission denied');
      throw err;
    } finally {
      stream.destroy();
    }
  }
  checkQuestionLength(fromArgs, 'the arguments');
  return { question: fromArgs.trim(), conflict: false };
}
