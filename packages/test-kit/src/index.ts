export * from "./infra";
export * from "./journeys";
export * from "./mailpit";
export * from "./net";
export * from "./paths";
export * from "./process";
export { demoListings } from "./seed";
export * from "./stack";
export * from "./trpc-http";
