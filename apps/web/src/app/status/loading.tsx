import { serviceNames } from "@tx/api-contracts";
import { Card, PageHeading, Skeleton } from "@tx/ui";
import { serviceTitle } from "@/components/service-health-card";
import { StatusGrid } from "@/components/status-grid";

export default function StatusLoading() {
  return (
    <>
      <PageHeading title="System status" description="Asking each service for its health…" />
      <StatusGrid>
        {serviceNames.map((service) => (
          <Card
            key={service}
            title={serviceTitle(service)}
            aside={<Skeleton width="3.5rem" height="1.625rem" />}
          >
            <Skeleton height="3rem" />
            <Skeleton height="7.5rem" />
          </Card>
        ))}
      </StatusGrid>
    </>
  );
}
