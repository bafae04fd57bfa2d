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
  /** Every stored letter: a replay or discard settles them all. */
  letters: DeadLetter[];
  /**
   * One letter per consumer that failed the message, as the card lists them: a consumer
   * whose letter was stored twice (a redelivery racing the first record) is one failure.
   */
  consumers: DeadLetter[];
};

export function groupDeadLetters(letters: DeadLetter[]): DeadLetterGroup[] {
  const groups = new Map<string, DeadLetterGroup>();
  for (const letter of letters) {
    const key = `${letter.subject}#${letter.streamSeq}#${letter.msgId ?? letter.payload}`;
    const group = groups.get(key);
    if (group) {
      group.letters.push(letter);
      const same = (l: DeadLetter) => l.service === letter.service && l.durable === letter.durable;
      if (!group.consumers.some(same)) group.consumers.push(letter);
      if (letter.failedAt < group.failedAt) group.failedAt = letter.failedAt;
    } else {
      groups.set(key, {
        key,
        subject: letter.subject,
        payload: letter.payload,
        failedAt: letter.failedAt,
        letters: [letter],
        consumers: [letter],
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
