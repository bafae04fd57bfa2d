import mongoose from "mongoose";

/**
 * Whether this process's database answers, as the driver last saw it (it notices a lost
 * server within a heartbeat, and a returned one as soon as it reconnects). Consumers and
 * reconcilers pause while it is false instead of failing on every message.
 */
export function databaseReachable(): boolean {
  return mongoose.connection.readyState === mongoose.ConnectionStates.connected;
}
