/**
 * Runs an insert whose unique key may already be taken; true when this call inserted.
 * A duplicate key is the normal outcome of a repeat or a lost race, not an error.
 */
export async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === 11000) return false;
    throw err;
  }
}
