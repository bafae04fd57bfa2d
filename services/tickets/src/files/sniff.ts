import type { TicketFileType } from "@tx/api-contracts";

/** The first bytes that name each accepted type (its "magic number"). */
const signatures: { type: TicketFileType; bytes: number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

/** Enough of the start of a file to tell its type. */
export const SNIFF_BYTES = Math.max(...signatures.map((s) => s.bytes.length));

/** The file's type from its content, whatever its name says; null when it is none we accept. */
export function sniffTicketFileType(head: Uint8Array): TicketFileType | null {
  const match = signatures.find(
    ({ bytes }) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b),
  );
  return match?.type ?? null;
}

const extensions: Record<TicketFileType, string> = {
  "application/pdf": ".pdf",
  "image/png": ".png",
  "image/jpeg": ".jpg",
};

/**
 * A name safe to store and to send back in Content-Disposition: no folders, no control
 * characters, at most 120 characters, and an extension that says what the file really is.
 */
export function ticketFileName(given: string | undefined, type: TicketFileType): string {
  const base = (given ?? "")
    .split(/[\\/]/)
    .at(-1)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    ?.replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(0, 120);
  const name = base || "ticket";
  const ext = extensions[type];
  const matches = type === "image/jpeg" ? /\.jpe?g$/i.test(name) : name.toLowerCase().endsWith(ext);
  return matches ? name : `${name}${ext}`;
}
