import { formatDateTime } from "@tx/api-contracts";
import { CallToAction, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";
import { colors } from "./theme";

// The emails about an account itself (issue 18): finish registering, "you already have an
// account", a password reset link, and the notice that the password changed.

const NOT_YOU = "If this was not you, you can ignore this email: nothing changes without the link.";

const timeLeft = (expiresAt: Date, sentAt: Date) => {
  const minutes = Math.round((expiresAt.getTime() - sentAt.getTime()) / 60_000);
  return minutes >= 120 ? `${Math.round(minutes / 60)} hours` : `${minutes} minutes`;
};

export type ConfirmRegistrationProps = {
  name: string;
  confirmUrl: string;
  expiresAt: Date;
  sentAt: Date;
};

export function ConfirmRegistrationEmail({
  name,
  confirmUrl,
  expiresAt,
  sentAt,
}: ConfirmRegistrationProps) {
  return (
    <EmailLayout
      preview="One step left: confirm this address to create your Ticket Exchange account."
      heading="Confirm your email"
      reason="You are receiving this email because someone registered this address on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        To finish creating your Ticket Exchange account, confirm that this address is yours. The
        link works once, for the next {timeLeft(expiresAt, sentAt)}.
      </Paragraph>
      <CallToAction href={confirmUrl}>Confirm and create my account</CallToAction>
      <Paragraph>{NOT_YOU}</Paragraph>
    </EmailLayout>
  );
}

export function confirmRegistrationEmail(props: ConfirmRegistrationProps): Promise<RenderedEmail> {
  return renderEmail("Confirm your email", <ConfirmRegistrationEmail {...props} />);
}

export type AccountExistsProps = { name: string; signInUrl: string; resetUrl: string };

/** Someone registered an address that already has an account: only its owner learns it. */
export function AccountExistsEmail({ name, signInUrl, resetUrl }: AccountExistsProps) {
  return (
    <EmailLayout
      preview="Someone tried to register this address, which already has an account."
      heading="You already have an account"
      reason="You are receiving this email because someone tried to register this address on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        Someone, probably you, tried to create a Ticket Exchange account with this address. It
        already has one, so nothing new was created. Sign in with your password, or choose a new one
        if you have forgotten it.
      </Paragraph>
      <CallToAction href={signInUrl}>Sign in</CallToAction>
      <Paragraph>
        Forgotten your password?{" "}
        <a href={resetUrl} style={{ color: colors.accent }}>
          Reset it here
        </a>
        . If this was not you, there is nothing to do: your account is unchanged.
      </Paragraph>
    </EmailLayout>
  );
}

export function accountExistsEmail(props: AccountExistsProps): Promise<RenderedEmail> {
  return renderEmail("You already have an account", <AccountExistsEmail {...props} />);
}

export type PasswordResetProps = { name: string; resetUrl: string; expiresAt: Date; sentAt: Date };

export function PasswordResetEmail({ name, resetUrl, expiresAt, sentAt }: PasswordResetProps) {
  return (
    <EmailLayout
      preview="A link to choose a new password for your Ticket Exchange account."
      heading="Choose a new password"
      reason="You are receiving this email because a password reset was asked for this address on Ticket Exchange."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        Someone asked to reset the password of your Ticket Exchange account. The link below works
        once, for the next {timeLeft(expiresAt, sentAt)}. Choosing a new password signs you out
        everywhere else.
      </Paragraph>
      <CallToAction href={resetUrl}>Choose a new password</CallToAction>
      <Paragraph>{NOT_YOU}</Paragraph>
    </EmailLayout>
  );
}

export function passwordResetEmail(props: PasswordResetProps): Promise<RenderedEmail> {
  return renderEmail("Reset your password", <PasswordResetEmail {...props} />);
}

export type PasswordChangedProps = {
  name: string;
  via: "reset" | "change";
  changedAt: Date;
  resetUrl: string;
};

/** The password changed: every other session ended; the owner can act if it was not them. */
export function PasswordChangedEmail({ name, via, changedAt, resetUrl }: PasswordChangedProps) {
  return (
    <EmailLayout
      preview="The password of your Ticket Exchange account was changed."
      heading="Your password was changed"
      reason="You are receiving this email because the password of your Ticket Exchange account changed."
    >
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        The password of your account was{" "}
        {via === "reset" ? "reset with an emailed link" : "changed"} on {formatDateTime(changedAt)}.
        Every other browser where you were signed in has been signed out.
      </Paragraph>
      <Paragraph>If this was not you, choose a new password now.</Paragraph>
      <CallToAction href={resetUrl}>Reset my password</CallToAction>
    </EmailLayout>
  );
}

export function passwordChangedEmail(props: PasswordChangedProps): Promise<RenderedEmail> {
  return renderEmail("Your password was changed", <PasswordChangedEmail {...props} />);
}
