import { Card, PageHeading } from "@tx/ui";

export default function HomePage() {
  return (
    <>
      <PageHeading
        title="Tickets, person to person"
        description="Find seats other fans can no longer use, or sell the ones you can't."
      />
      <Card title="No listings yet">
        <p>Tickets that sellers post will appear here.</p>
      </Card>
    </>
  );
}
