import type { ReactNode } from "react";
import type { LinkComponent } from "./link";

export type HeaderProps = {
  /** Usually a <Brand>. */
  brand: ReactNode;
  /** <NavLink> items. */
  children: ReactNode;
  navLabel?: string;
  /** Who is signed in and how to sign out, or the links to sign in and register. */
  account?: ReactNode;
};

/** On phones the account sits beside the brand and the links get a row of their own. */
export function Header({ brand, children, navLabel = "Main", account }: HeaderProps) {
  return (
    <header className="tx-header">
      <div className="tx-header__inner">
        {brand}
        <nav aria-label={navLabel} className="tx-header__nav">
          <ul className="tx-nav__list">{children}</ul>
        </nav>
        {account ? <div className="tx-header__account">{account}</div> : null}
      </div>
    </header>
  );
}

export type BrandProps = { href: string; children: ReactNode; as?: LinkComponent };

export function Brand({ href, children, as: Link = "a" }: BrandProps) {
  return (
    <Link href={href} className="tx-brand">
      <svg className="tx-brand__mark" viewBox="4 8 24 16" aria-hidden="true" focusable="false">
        <path
          fill="var(--tx-color-accent)"
          d="M4 8h24v5.5a2.5 2.5 0 0 0 0 5V24H4v-5.5a2.5 2.5 0 0 0 0-5z"
        />
        <path
          stroke="var(--tx-color-surface)"
          strokeWidth="1.5"
          strokeDasharray="2 2"
          d="M21 9v14"
        />
      </svg>
      <span className="tx-brand__name">{children}</span>
    </Link>
  );
}

export type NavLinkProps = {
  href: string;
  children: ReactNode;
  current?: boolean;
  as?: LinkComponent;
};

export function NavLink({ href, children, current = false, as: Link = "a" }: NavLinkProps) {
  return (
    <li>
      <Link href={href} className="tx-nav__link" aria-current={current ? "page" : undefined}>
        {children}
      </Link>
    </li>
  );
}

export type UserLinkProps = { href: string; name: string; as?: LinkComponent };

/** The signed-in user's name in the header, linking to their account. */
export function UserLink({ href, name, as: Link = "a" }: UserLinkProps) {
  return (
    <Link href={href} className="tx-header__user">
      <span className="tx-visually-hidden">Signed in as </span>
      {name}
    </Link>
  );
}

export type SkipLinkProps = { href?: string; children?: ReactNode };

export function SkipLink({ href = "#main", children = "Skip to content" }: SkipLinkProps) {
  return (
    <a href={href} className="tx-skip-link">
      {children}
    </a>
  );
}
