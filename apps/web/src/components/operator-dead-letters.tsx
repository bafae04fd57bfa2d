import { Button, Card, DateTime, Notice } from "@tx/ui";
import { discardDeadLetter, replayDeadLetter } from "@/operator/actions";
import { type DeadLetterGroup, readablePayload } from "@/operator/dead-letter-groups";
import styles from "./operator.module.css";
import { serviceTitle } from "./service-health-card";

/**
 * The messages consumers gave up on, one card per message. Replay republishes the payload
 * as shown (the operator may correct it first); discard drops it. Plain forms: they work
 * before any script loads.
 */
export function OperatorDeadLetters({ groups }: { groups: DeadLetterGroup[] }) {
  return (
    <section aria-labelledby="dead-letters-title" className={styles.section}>
      <h2 id="dead-letters-title">Dead letters</h2>
      {groups.length === 0 ? (
        <Notice tone="success">No dead letters: every message was handled.</Notice>
      ) : (
        <ol className={styles.letters}>
          {groups.map((g) => (
            <li key={g.key}>
              <DeadLetterCard group={g} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function DeadLetterCard({ group }: { group: DeadLetterGroup }) {
  const letters = JSON.stringify(group.letters.map((l) => ({ service: l.service, seq: l.seq })));
  const payloadId = `payload-${group.letters[0]?.service}-${group.letters[0]?.seq}`;
  return (
    <Card title={group.subject} headingLevel={3}>
      <dl className={styles.facts}>
        <div>
          <dt>Failed</dt>
          <dd>
            <DateTime value={group.failedAt} />
          </dd>
        </div>
        {group.consumers.map((l) => (
          <div key={`${l.service}-${l.seq}`}>
            <dt>
              {serviceTitle(l.service)} (
              {l.reason === "schema" ? "fails its schema" : "permanent error"})
            </dt>
            <dd className={styles.error}>{l.error}</dd>
          </div>
        ))}
      </dl>
      <form action={replayDeadLetter} className={styles.letterForm}>
        <input type="hidden" name="letters" value={letters} />
        <label htmlFor={payloadId} className={styles.label}>
          Payload (correct it before replaying if it fails its schema)
        </label>
        <textarea
          id={payloadId}
          name="payload"
          className={styles.payload}
          defaultValue={readablePayload(group.payload)}
          rows={8}
          spellCheck={false}
        />
        <div className={styles.actions}>
          <Button type="submit">Replay</Button>
          <Button type="submit" variant="secondary" formAction={discardDeadLetter}>
            Discard
          </Button>
        </div>
      </form>
    </Card>
  );
}
