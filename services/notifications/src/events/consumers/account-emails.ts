import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, emailLinkToken, type Logger } from "@tx/service-kit";
import {
  accountExistsEmail,
  confirmRegistrationEmail,
  passwordChangedEmail,
  passwordResetEmail,
} from "../../emails/account";
import type { RenderedEmail } from "../../emails/render";
import { type DeliveryRequest, deliverOnce, type Mailer } from "../../mail/deliver";

/**
 * The emails about an account (issue 18). Each event carries the address and the name, so
 * none waits for a replica: a registration has no account yet. A link's token is made here
 * from the event's link id under EMAIL_LINK_SECRET (service-kit email-links): the event
 * itself holds nothing that opens an account.
 */
export type AccountMailer = Mailer & { linkSecret: string };

type AccountSubject =
  | "user.registration_requested"
  | "user.registration_repeated"
  | "user.password_reset_requested"
  | "user.password_changed";

/** One email per event: its kind (a delivery is once per event and kind) and its content. */
type AccountEmail<S extends AccountSubject> = {
  kind: DeliveryRequest["kind"];
  render: (mailer: AccountMailer, event: Envelope<S>) => Promise<RenderedEmail>;
};

const link = (m: AccountMailer, path: string, token?: string) =>
  `${m.webBaseUrl}${path}${token ? `?token=${encodeURIComponent(token)}` : ""}`;

const emails: { [S in AccountSubject]: AccountEmail<S> } = {
  "user.registration_requested": {
    kind: "confirm-registration",
    render: (m, { data, occurredAt }) =>
      confirmRegistrationEmail({
        name: data.name,
        confirmUrl: link(
          m,
          "/register/confirm",
          emailLinkToken(m.linkSecret, "confirm", data.linkId),
        ),
        expiresAt: new Date(data.expiresAt),
        sentAt: new Date(occurredAt),
      }),
  },
  "user.registration_repeated": {
    kind: "account-exists",
    render: (m, { data }) =>
      accountExistsEmail({
        name: data.name,
        signInUrl: link(m, "/signin"),
        resetUrl: link(m, "/forgot-password"),
      }),
  },
  "user.password_reset_requested": {
    kind: "password-reset",
    render: (m, { data, occurredAt }) =>
      passwordResetEmail({
        name: data.name,
        resetUrl: link(m, "/reset-password", emailLinkToken(m.linkSecret, "reset", data.linkId)),
        expiresAt: new Date(data.expiresAt),
        sentAt: new Date(occurredAt),
      }),
  },
  "user.password_changed": {
    kind: "password-changed",
    render: (m, { data }) =>
      passwordChangedEmail({
        name: data.name,
        via: data.via,
        changedAt: new Date(data.changedAt),
        resetUrl: link(m, "/forgot-password"),
      }),
  },
};

/** Sends the email an account event asks for, to the address it names, once however often it arrives. */
export async function sendAccountEmail<S extends AccountSubject>(
  mailer: AccountMailer,
  event: Envelope<S>,
  log: Logger,
): Promise<void> {
  const email: AccountEmail<S> = emails[event.type];
  await deliverOnce(
    mailer.transport,
    {
      eventId: event.id,
      kind: email.kind,
      to: event.data.email,
      render: () => email.render(mailer, event),
    },
    log,
  );
}

const consumer = <S extends AccountSubject>(
  subject: S,
  mailer: AccountMailer,
): ConsumerOptions<S> => ({
  subject,
  handle: (event, log) => sendAccountEmail(mailer, event, log),
});

export const accountEmailConsumers = (mailer: AccountMailer) => [
  consumer("user.registration_requested", mailer),
  consumer("user.registration_repeated", mailer),
  consumer("user.password_reset_requested", mailer),
  consumer("user.password_changed", mailer),
];
