export * from "./auth";
export * from "./common";
export * from "./events";
export * from "./format";
export * from "./listings";
export * from "./operator";
export * from "./orders";
export * from "./payments";
