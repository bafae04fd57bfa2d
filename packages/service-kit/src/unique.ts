/**
 * A unique index refused the write (MongoDB's E11000, which FerretDB reports alike). For
 * us it is an answer, not a failure: a repeated event, a lost race, a taken email.
 */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 11000;
}

/**
 * Runs an insert whose unique key may already be taken; true when this call inserted.
 * A duplicate key is the normal outcome of a repeat or a lost race, not an error.
 */
export async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}
