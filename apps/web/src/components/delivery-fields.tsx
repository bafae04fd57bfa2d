"use client";

import type { DeliveryMethod, TicketFile } from "@tx/api-contracts";
import { Button, cx } from "@tx/ui";
import { type ComponentProps, useEffect, useId, useRef, useState } from "react";
import { fileSize } from "@/delivery/file-size";
import { UploadRefused, uploadTicketFile } from "@/delivery/upload-ticket-file";
import styles from "./delivery-fields.module.css";

type Entry =
  | { key: number; name: string; size: number; state: "uploading"; progress: number }
  | { key: number; name: string; size: number; state: "done"; file: TicketFile };

type Props = {
  /** The method radio's registration (react-hook-form's register("delivery.method")). */
  methodField: Omit<ComponentProps<"input">, "type" | "value">;
  method: DeliveryMethod;
  quantity: number;
  /** The listing being edited: its files are replaced only while it is available. */
  listingId?: string;
  initialFiles: TicketFile[];
  /** The form's or the service's message about the files (how many, which are gone). */
  error?: string | undefined;
  onChange: (files: { fileIds: string[]; uploading: boolean }) => void;
  className?: string;
};

const methods: { value: DeliveryMethod; label: string; hint: string }[] = [
  {
    value: "download",
    label: "Instant download",
    hint: "Upload the e-tickets now, one file per ticket. The buyer downloads them as soon as they have paid.",
  },
  {
    value: "transfer",
    label: "Transfer after purchase",
    hint: "After the sale, transfer the tickets to the buyer in the venue's or promoter's app and tell us. We email you the deadline, which is always before the event.",
  },
];

/**
 * The sell and edit forms' delivery section (inside its fieldset): the method, and for a download the e-ticket
 * files, each uploaded as soon as it is chosen (with its progress) and refused beside the
 * field when it is too large or not a PDF, PNG or JPEG.
 */
export function DeliveryFields({
  methodField,
  method,
  quantity,
  listingId,
  initialFiles,
  error,
  onChange,
  className,
}: Props) {
  const id = useId();
  const nextKey = useRef(initialFiles.length);
  const [entries, setEntries] = useState<Entry[]>(() =>
    initialFiles.map((file, key) => ({
      key,
      name: file.name,
      size: file.size,
      state: "done",
      file,
    })),
  );
  const [refusals, setRefusals] = useState<string[]>([]);
  const uploads = useRef(new Map<number, () => void>());

  useEffect(() => {
    onChange({
      fileIds: entries.flatMap((e) => (e.state === "done" ? [e.file.id] : [])),
      uploading: entries.some((e) => e.state === "uploading"),
    });
  }, [entries, onChange]);
  useEffect(() => {
    const running = uploads.current;
    return () => {
      for (const abort of running.values()) abort();
    };
  }, []);

  const update = (key: number, change: (e: Entry) => Entry | null) =>
    setEntries((all) => all.flatMap((e) => (e.key === key ? (change(e) ?? []) : [e])));

  const choose = (files: FileList | null) => {
    setRefusals([]);
    for (const file of Array.from(files ?? [])) {
      const key = nextKey.current++;
      const base = { key, name: file.name, size: file.size };
      setEntries((all) => [...all, { ...base, state: "uploading", progress: 0 }]);
      const upload = uploadTicketFile(file, {
        ...(listingId ? { listingId } : {}),
        onProgress: (progress) =>
          update(key, (e) => (e.state === "uploading" ? { ...e, progress } : e)),
      });
      uploads.current.set(key, upload.abort);
      upload.done
        .then((stored) => update(key, () => ({ ...base, state: "done", file: stored })))
        .catch((err: unknown) => {
          update(key, () => null);
          const message =
            err instanceof UploadRefused ? err.message : "The upload did not go through.";
          setRefusals((all) => [...all, `${file.name}: ${message}`]);
        })
        .finally(() => uploads.current.delete(key));
    }
  };

  const remove = (key: number) => {
    uploads.current.get(key)?.();
    update(key, () => null);
  };

  const hintId = `${id}-files-hint`;
  const errorId = `${id}-files-error`;
  const messages = [...refusals, ...(error ? [error] : [])];
  const needed = quantity === 1 ? "1 file" : `${quantity} files, one per ticket`;
  return (
    <div className={cx(styles.fields, className)}>
      <div className={styles.methods}>
        {methods.map((m) => (
          <div key={m.value} className={styles.method}>
            <input
              type="radio"
              id={`${id}-${m.value}`}
              value={m.value}
              className={styles.radio}
              aria-describedby={`${id}-${m.value}-hint`}
              {...methodField}
            />
            <div>
              <label htmlFor={`${id}-${m.value}`} className={styles.methodLabel}>
                {m.label}
              </label>
              <p id={`${id}-${m.value}-hint`} className={styles.methodHint}>
                {m.hint}
              </p>
            </div>
          </div>
        ))}
      </div>
      {method === "download" ? (
        <div className={styles.files}>
          <label className="tx-field__label" htmlFor={`${id}-files`}>
            E-ticket files
          </label>
          <p id={hintId} className="tx-field__hint">
            PDF, PNG or JPEG, up to 5 MB each: {needed}.
          </p>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
            className={styles.picker}
            aria-describedby={messages.length > 0 ? `${hintId} ${errorId}` : hintId}
            aria-invalid={messages.length > 0 ? true : undefined}
            onChange={(e) => {
              choose(e.currentTarget.files);
              // The same file can be chosen again after a refusal or a removal.
              e.currentTarget.value = "";
            }}
          />
          {entries.length > 0 ? (
            <ul className={styles.list} aria-label="Uploaded files">
              {entries.map((entry, i) => (
                <li key={entry.key} className={styles.entry}>
                  <span className={styles.name}>
                    <span className={styles.ticket}>Ticket {i + 1}</span> {entry.name}
                  </span>
                  <span className={styles.size}>{fileSize(entry.size)}</span>
                  {entry.state === "uploading" ? (
                    <progress
                      className={styles.progress}
                      max={1}
                      value={entry.progress}
                      aria-label={`Uploading ${entry.name}`}
                    >
                      {Math.round(entry.progress * 100)}%
                    </progress>
                  ) : (
                    <span className={styles.done}>Uploaded</span>
                  )}
                  <Button variant="secondary" size="small" onClick={() => remove(entry.key)}>
                    {entry.state === "uploading" ? "Cancel" : "Remove"}
                    <span className="tx-visually-hidden"> {entry.name}</span>
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          {messages.length > 0 ? (
            <div id={errorId} role="alert">
              {messages.map((message) => (
                <p key={message} className="tx-field__error">
                  {message}
                </p>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
