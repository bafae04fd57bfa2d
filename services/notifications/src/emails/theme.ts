/** The product's palette (packages/ui/src/theme.css), inlined because mail clients drop <style>. */
export const colors = {
  background: "#003049",
  surface: "#001B29",
  text: "#E0F4FF",
  muted: "#A9CBE0",
  outline: "#669BBC",
  accent: "#FCBF49",
  onAccent: "#001B29",
} as const;

export const fontFamily =
  '-apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
