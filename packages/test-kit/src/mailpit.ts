/** Reads what reached the local Mailpit through its REST API. */
export type MailSummary = {
  ID: string;
  Subject: string;
  To: { Address: string; Name: string }[];
  From: { Address: string; Name: string };
};

export async function listMessages(mailpitUrl: string): Promise<MailSummary[]> {
  const res = await fetch(`${mailpitUrl}/api/v1/messages?limit=500`);
  if (!res.ok) throw new Error(`mailpit answered ${res.status}`);
  const body = (await res.json()) as { messages: MailSummary[] };
  return body.messages;
}

export async function readMessage(
  mailpitUrl: string,
  id: string,
): Promise<{ Subject: string; Text: string; HTML: string }> {
  const res = await fetch(`${mailpitUrl}/api/v1/message/${id}`);
  if (!res.ok) throw new Error(`mailpit answered ${res.status}`);
  return (await res.json()) as { Subject: string; Text: string; HTML: string };
}
