import { describe, expect, it } from "vitest";
import { sniffTicketFileType, ticketFileName } from "./sniff";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("the type of an uploaded file, from its content", () => {
  it("knows a PDF, a PNG and a JPEG by their first bytes", () => {
    expect(sniffTicketFileType(new TextEncoder().encode("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffTicketFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(
      "image/png",
    );
    expect(sniffTicketFileType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
  });

  it("refuses an executable, text, and a file too short to tell", () => {
    expect(sniffTicketFileType(bytes(0x4d, 0x5a, 0x90, 0x00))).toBeNull(); // MZ: Windows .exe
    expect(sniffTicketFileType(bytes(0x7f, 0x45, 0x4c, 0x46))).toBeNull(); // ELF
    expect(sniffTicketFileType(new TextEncoder().encode("ticket.pdf"))).toBeNull();
    expect(sniffTicketFileType(bytes(0x25, 0x50))).toBeNull();
  });
});

describe("the stored name of a file", () => {
  it("keeps a plain name and gives the real extension to a misnamed one", () => {
    expect(ticketFileName("Row F seat 12.pdf", "application/pdf")).toBe("Row F seat 12.pdf");
    expect(ticketFileName("photo.JPEG", "image/jpeg")).toBe("photo.JPEG");
    expect(ticketFileName("ticket.exe", "application/pdf")).toBe("ticket.exe.pdf");
  });

  it("drops folders, quotes and control characters, and names a nameless file", () => {
    expect(ticketFileName("C:\\Users\\a\\..\\b.png", "image/png")).toBe("b.png");
    expect(ticketFileName('evil"\r\nSet-Cookie: x.pdf', "application/pdf")).toBe(
      "evilSet-Cookie: x.pdf",
    );
    expect(ticketFileName(undefined, "image/png")).toBe("ticket.png");
    expect(ticketFileName("x".repeat(300), "application/pdf")).toHaveLength(124);
  });
});
