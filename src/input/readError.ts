/** A file that cannot be read, said in a few plain words (the file error's message, SPEC §6). */
export function describeReadError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    // Not a regular file (a FIFO, a device): the reader says which.
    case "EFTYPE":
      return err.message;
    default:
      return `cannot read (${err.code ?? err.message})`;
  }
}
