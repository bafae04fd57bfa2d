import {
  registerReadinessCheck,
  remoteTokenVerifier,
  runMain,
  startService,
  stopOnSignals,
} from "@tx/service-kit";

runMain(async () => {
  // Imported here so that a configuration error is reported by runMain in one line.
  const { env } = await import("./env");
  const { notificationsRouter } = await import("./trpc/router");
  const { createSmtpTransport } = await import("./mail/transport");
  const smtp = createSmtpTransport(env.SMTP_HOST, env.SMTP_PORT);
  registerReadinessCheck({
    name: "smtp",
    check: async () => {
      await smtp.verify();
    },
  });
  const service = await startService({
    name: "notifications",
    env,
    router: notificationsRouter,
    authenticate: (log) => remoteTokenVerifier(env, log),
    start: async () => async () => smtp.close(),
  });
  stopOnSignals(service);
});
