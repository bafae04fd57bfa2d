export { Button, type ButtonProps } from "./button";
export { ButtonLink, type ButtonLinkProps } from "./button-link";
export { Card, type CardProps } from "./card";
export { cx } from "./cx";
export { Form, type FormProps } from "./form";
export { FormError, type FormErrorProps } from "./form-error";
export {
  Brand,
  type BrandProps,
  Header,
  type HeaderProps,
  NavLink,
  type NavLinkProps,
  SkipLink,
  type SkipLinkProps,
  UserLink,
  type UserLinkProps,
} from "./header";
export type { LinkComponent } from "./link";
export { PageHeading, type PageHeadingProps } from "./page-heading";
export { Skeleton, type SkeletonProps } from "./skeleton";
export { StatusBadge, type StatusBadgeProps } from "./status-badge";
export { SubmitButton, type SubmitButtonProps } from "./submit-button";
export { TextField, type TextFieldProps } from "./text-field";
