/** Runs once as the server starts. */
export async function register(): Promise<void> {
  // Set by Next itself, not configuration: this hook is compiled for the edge runtime too.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnInvalidEnv } = await import("./env");
    exitOnInvalidEnv();
  }
}
