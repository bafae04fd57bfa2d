import { formatDate, formatDateTime } from "./format";

export type DateTimeProps = { value: string; dateOnly?: boolean };

/** A machine-readable <time> with its UTC reading. */
export function DateTime({ value, dateOnly = false }: DateTimeProps) {
  return <time dateTime={value}>{dateOnly ? formatDate(value) : formatDateTime(value)}</time>;
}
