export type SkeletonProps = { width?: string; height?: string };

/** Placeholder with the size of the content it stands for, so nothing moves when it arrives. */
export function Skeleton({ width = "100%", height = "1em" }: SkeletonProps) {
  return <span aria-hidden="true" className="tx-skeleton" style={{ width, height }} />;
}
