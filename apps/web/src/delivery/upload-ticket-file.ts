import { MAX_TICKET_FILE_BYTES, TicketFile, UploadRefusal } from "@tx/api-contracts";

export type Upload = { done: Promise<TicketFile>; abort: () => void };

export class UploadRefused extends Error {
  override name = "UploadRefused";
}

export const TOO_LARGE = `The file is larger than ${MAX_TICKET_FILE_BYTES / 1024 / 1024} MB.`;

/**
 * Sends one e-ticket file to the app's upload route (which streams it to the tickets
 * service), reporting progress as the browser sends it: XMLHttpRequest, because fetch
 * reports no upload progress. A file over the limit is refused before a byte is sent;
 * its type is judged by the service, from its content.
 */
export function uploadTicketFile(
  file: File,
  opts: { listingId?: string; onProgress: (fraction: number) => void },
): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<TicketFile>((resolve, reject) => {
    if (file.size > MAX_TICKET_FILE_BYTES) {
      reject(new UploadRefused(TOO_LARGE));
      return;
    }
    const query = opts.listingId ? `?listingId=${encodeURIComponent(opts.listingId)}` : "";
    xhr.open("POST", `/api/delivery/upload${query}`);
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: a proxy's error page; the status says enough.
      }
      if (xhr.status === 201) {
        const stored = TicketFile.safeParse(body);
        if (stored.success) return resolve(stored.data);
      }
      const refusal = UploadRefusal.safeParse(body);
      reject(
        new UploadRefused(
          refusal.success ? refusal.data.error : "The upload did not go through. Please try again.",
        ),
      );
    };
    xhr.onerror = () =>
      reject(new UploadRefused("The upload did not go through. Please try again."));
    xhr.onabort = () => reject(new UploadRefused("The upload was stopped."));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
