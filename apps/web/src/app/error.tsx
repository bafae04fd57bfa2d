"use client";

// The page failed to build (a service down, or a fault): said in the site's layout.
export { RouteError as default } from "@/components/route-error";
