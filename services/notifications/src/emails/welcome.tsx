import { CallToAction, EmailLayout, Paragraph } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type WelcomeProps = { name: string; browseUrl: string };

export function WelcomeEmail({ name, browseUrl }: WelcomeProps) {
  return (
    <EmailLayout
      preview="Your account is ready: find tickets, or resell the ones you cannot use."
      heading={`Welcome, ${name}`}
      reason="You are receiving this email because an account was created with this address on Ticket Exchange."
    >
      <Paragraph>Your Ticket Exchange account is ready.</Paragraph>
      <Paragraph>
        Browse tickets that fans can no longer use, hold one while you pay, or list your own spare
        tickets. We email you when an order is confirmed or refunded.
      </Paragraph>
      <CallToAction href={browseUrl}>Browse tickets</CallToAction>
    </EmailLayout>
  );
}

export function welcomeEmail(props: WelcomeProps): Promise<RenderedEmail> {
  return renderEmail("Welcome to Ticket Exchange", <WelcomeEmail {...props} />);
}
