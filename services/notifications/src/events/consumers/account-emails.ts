import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, emailLinkToken, type Logger } from "@tx/service-kit";
import {
  accountExistsEmail,
  confirmRegistrationEmail,
  passwordChangedEmail,
  passwordResetEmail,
} from "../../emails/account";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { MAIL_MAX_ATTEMPTS } from "../retry-budget";

/**
 * The emails about an account (issue 18). Each event carries the address and the name, so
 * none waits for a replica: a registration has no account yet. A link's token is made here
 * from the event's link id under EMAIL_LINK_SECRET (service-kit email-links): the event
 * itself holds nothing that opens an account.
 */
export type AccountMailer = Mailer & { linkSecret: string };

const link = (m: AccountMailer, path: string, token?: string) =>
  `${m.webBaseUrl}${path}${token ? `?token=${encodeURIComponent(token)}` : ""}`;

export async function onRegistrationRequested(
  mailer: AccountMailer,
  event: Envelope<"user.registration_requested">,
  log: Logger,
): Promise<void> {
  const { email: to, name, linkId, expiresAt } = event.data;
  const token = emailLinkToken(mailer.linkSecret, "confirm", linkId);
  const render = () =>
    confirmRegistrationEmail({
      name,
      confirmUrl: link(mailer, "/register/confirm", token),
      expiresAt: new Date(expiresAt),
      sentAt: new Date(event.occurredAt),
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "confirm-registration", to, render },
    log,
  );
}

export async function onRegistrationRepeated(
  mailer: AccountMailer,
  event: Envelope<"user.registration_repeated">,
  log: Logger,
): Promise<void> {
  const { email: to, name } = event.data;
  const render = () =>
    accountExistsEmail({
      name,
      signInUrl: link(mailer, "/signin"),
      resetUrl: link(mailer, "/forgot-password"),
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "account-exists", to, render },
    log,
  );
}

export async function onPasswordResetRequested(
  mailer: AccountMailer,
  event: Envelope<"user.password_reset_requested">,
  log: Logger,
): Promise<void> {
  const { email: to, name, linkId, expiresAt } = event.data;
  const token = emailLinkToken(mailer.linkSecret, "reset", linkId);
  const render = () =>
    passwordResetEmail({
      name,
      resetUrl: link(mailer, "/reset-password", token),
      expiresAt: new Date(expiresAt),
      sentAt: new Date(event.occurredAt),
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "password-reset", to, render },
    log,
  );
}

export async function onPasswordChanged(
  mailer: AccountMailer,
  event: Envelope<"user.password_changed">,
  log: Logger,
): Promise<void> {
  const { email: to, name, via, changedAt } = event.data;
  const render = () =>
    passwordChangedEmail({
      name,
      via,
      changedAt: new Date(changedAt),
      resetUrl: link(mailer, "/forgot-password"),
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "password-changed", to, render },
    log,
  );
}

export function accountEmailConsumers(mailer: AccountMailer) {
  return [
    {
      subject: "user.registration_requested",
      handle: (event, log) => onRegistrationRequested(mailer, event, log),
      maxAttempts: MAIL_MAX_ATTEMPTS,
    } satisfies ConsumerOptions<"user.registration_requested">,
    {
      subject: "user.registration_repeated",
      handle: (event, log) => onRegistrationRepeated(mailer, event, log),
      maxAttempts: MAIL_MAX_ATTEMPTS,
    } satisfies ConsumerOptions<"user.registration_repeated">,
    {
      subject: "user.password_reset_requested",
      handle: (event, log) => onPasswordResetRequested(mailer, event, log),
      maxAttempts: MAIL_MAX_ATTEMPTS,
    } satisfies ConsumerOptions<"user.password_reset_requested">,
    {
      subject: "user.password_changed",
      handle: (event, log) => onPasswordChanged(mailer, event, log),
      maxAttempts: MAIL_MAX_ATTEMPTS,
    } satisfies ConsumerOptions<"user.password_changed">,
  ];
}
