export * from "./common";
export * from "./events";
