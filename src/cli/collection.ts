/** Reading a collection file for the command line: every failure is one line of text. */
import { readFileSync } from 'node:fs';
import { type LevelEntry, type LevelError, parseCollection } from '../sokoban';

export type CollectionRead =
  | { readonly ok: true; readonly entries: readonly LevelEntry[] }
  | { readonly ok: false; readonly message: string };

/** "message (line 3, column 7)": a parser error with its place, on one line. */
export function describeLevelError(error: LevelError): string {
  if (error.line === undefined) return error.message;
  const place =
    error.column === undefined
      ? `line ${error.line}`
      : `line ${error.line}, column ${error.column}`;
  return `${error.message} (${place})`;
}

/** A file's text, or one line saying why it cannot be read. */
export function readText(
  path: string,
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string } {
  try {
    return { ok: true, text: read(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : error instanceof Error
              ? error.message
              : String(error);
    return { ok: false, message: `cannot read ${path}: ${why}` };
  }
}

export function readCollection(
  path: string,
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): CollectionRead {
  const file = readText(path, read);
  if (!file.ok) return file;
  const parsed = parseCollection(file.text);
  if (!parsed.ok) return { ok: false, message: `${path}: ${describeLevelError(parsed.error)}` };
  return { ok: true, entries: parsed.entries };
}
