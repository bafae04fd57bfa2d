export * from "./auth";
export * from "./common";
export * from "./events";
export * from "./format";
export * from "./listings";
export * from "./orders";
export * from "./payments";
export * from "./time-zones";
