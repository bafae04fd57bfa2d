import { formatDate, formatDateTime } from "./format";

export type DateTimeProps = {
  value: string;
  dateOnly?: boolean;
  /** The zone to read it in: an event's venue zone. Other instants read in UTC. */
  timeZone?: string;
};

/** A machine-readable <time> with its reading in `timeZone` (UTC unless given), zone named. */
export function DateTime({ value, dateOnly = false, timeZone = "UTC" }: DateTimeProps) {
  return (
    <time dateTime={value}>
      {dateOnly ? formatDate(value, timeZone) : formatDateTime(value, timeZone)}
    </time>
  );
}
