export { Badge, type BadgeProps, type BadgeTone } from "./badge";
export { Button, type ButtonProps } from "./button";
export { ButtonLink, type ButtonLinkProps } from "./button-link";
export { Card, type CardProps } from "./card";
export { cx } from "./cx";
export { DateTime, type DateTimeProps } from "./date-time";
export { type Fact, Facts, type FactsProps } from "./facts";
export type { FieldChrome } from "./field";
export { Form, type FormProps } from "./form";
export { FormError, type FormErrorProps } from "./form-error";
export { formatDate, formatDateTime, formatMoney, type MoneyValue } from "./format";
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
export { Notice, type NoticeProps } from "./notice";
export { PageHeading, type PageHeadingProps } from "./page-heading";
export { Pager, type PagerProps } from "./pager";
export { SelectField, type SelectFieldProps, type SelectOption } from "./select-field";
export { Skeleton, type SkeletonProps } from "./skeleton";
export { StatusBadge, type StatusBadgeProps } from "./status-badge";
export {
  BusyButton,
  type BusyButtonProps,
  SubmitButton,
  type SubmitButtonProps,
} from "./submit-button";
export { TextAreaField, type TextAreaFieldProps } from "./text-area-field";
export { TextField, type TextFieldProps } from "./text-field";
