/** Runs once as the server starts. */
export async function register(): Promise<void> {
  // Set by Next itself, not configuration: this hook is compiled for the edge runtime too.
  // biome-ignore lint/style/noProcessEnv: Next inlines NEXT_RUNTIME at build time; env.ts cannot
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnInvalidEnv } = await import("./env");
    exitOnInvalidEnv();
  }
}
