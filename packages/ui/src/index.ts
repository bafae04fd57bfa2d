export { Button, type ButtonProps } from "./button";
export { Card, type CardProps } from "./card";
export { cx } from "./cx";
export {
  Brand,
  type BrandProps,
  Header,
  type HeaderProps,
  NavLink,
  type NavLinkProps,
  SkipLink,
  type SkipLinkProps,
} from "./header";
export type { LinkComponent } from "./link";
export { PageHeading, type PageHeadingProps } from "./page-heading";
export { Skeleton, type SkeletonProps } from "./skeleton";
export { StatusBadge, type StatusBadgeProps } from "./status-badge";
