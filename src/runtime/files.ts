import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { QforgeError } from "../util/errors.js";

/** Reads a UTF-8 file, turning OS errors into a QforgeError that names the path. */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "EACCES"
            ? "permission denied"
            : (e as Error).message;
    throw new QforgeError("IO_ERROR", `cannot read ${path}: ${why}`);
  }
}

/** Writes a file, refusing to replace an existing one unless `overwrite` is set. */
export function writeTextFile(path: string, text: string, options: { overwrite?: boolean } = {}): void {
  if (!options.overwrite && existsSync(path))
    throw new QforgeError(
      "IO_ERROR",
      `${path} already exists; pass --force (or overwrite: true) to replace it`,
    );
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    throw new QforgeError("IO_ERROR", `cannot write ${path}: ${(e as Error).message}`);
  }
}
