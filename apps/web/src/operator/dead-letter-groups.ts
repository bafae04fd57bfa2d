import type { DeadLetter } from "@tx/api-contracts";

/**
 * One published message that one or more consumers gave up on. A message goes to every
 * consumer of its subject, so each that failed it left a dead letter of its own; a replay
 * republishes it once, to all of them.
 */
export type DeadLetterGroup = {
  key: string;
  subject: string;
  payload: string;
  failedAt: string;
  letters: DeadLetter[];
};

export function groupDeadLetters(letters: DeadLetter[]): DeadLetterGroup[] {
  const groups = new Map<string, DeadLetterGroup>();
  for (const letter of letters) {
    const key = `${letter.subject}#${letter.streamSeq}#${letter.msgId ?? letter.payload}`;
    const group = groups.get(key);
    if (group) {
      group.letters.push(letter);
      if (letter.failedAt < group.failedAt) group.failedAt = letter.failedAt;
    } else {
      groups.set(key, {
        key,
        subject: letter.subject,
        payload: letter.payload,
        failedAt: letter.failedAt,
        letters: [letter],
      });
    }
  }
  // Newest first: what just broke is what the operator came for.
  return [...groups.values()].sort((a, b) => b.failedAt.localeCompare(a.failedAt));
}

/** The payload as an operator reads and edits it: indented JSON, or the raw text. */
export function readablePayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
