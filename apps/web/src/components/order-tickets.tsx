import type { Delivery, Order } from "@tx/api-contracts";
import { Card, DateTime, Notice } from "@tx/ui";
import { fileSize } from "@/delivery/file-size";
import { getOrderDelivery } from "@/delivery/queries";
import { AutoRefresh } from "./auto-refresh";
import { ConfirmReceipt, ReportProblem } from "./delivery-actions";
import styles from "./order-tickets.module.css";

/** The order page's "Your tickets": the files to download, or where the transfer stands. */
export async function OrderTickets({ order }: { order: Order }) {
  if (order.status !== "complete" && order.status !== "refunded") return null;
  const delivery = await getOrderDelivery(order.id);
  return (
    <Card title="Your tickets">
      {delivery ? (
        <DeliveryState delivery={delivery} />
      ) : order.status === "complete" ? (
        <div className={styles.stack}>
          <p role="status">Getting your tickets ready…</p>
          <AutoRefresh />
        </div>
      ) : (
        <p>This order was refunded: there are no tickets to deliver.</p>
      )}
    </Card>
  );
}

function DeliveryState({ delivery }: { delivery: Delivery }) {
  const problem = delivery.state === "ready" || delivery.state === "transferred";
  return (
    <div className={styles.stack}>
      {delivery.method === "download" ? (
        <Files delivery={delivery} />
      ) : (
        <Transfer delivery={delivery} />
      )}
      {delivery.state === "disputed" ? (
        <Notice tone="warning" title="You reported a problem">
          <p>
            On <DateTime value={delivery.disputedAt ?? ""} />: “{delivery.problem}”. The sale is on
            hold until it is resolved.
          </p>
        </Notice>
      ) : null}
      {delivery.state === "transferred" || problem ? (
        <div className={styles.actions}>
          {delivery.state === "transferred" ? <ConfirmReceipt orderId={delivery.orderId} /> : null}
          {problem ? <ReportProblem orderId={delivery.orderId} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function Files({ delivery }: { delivery: Delivery }) {
  return (
    <>
      <p>
        {delivery.files.length === 1 ? "Your e-ticket is" : "Your e-tickets are"} ready: download
        and keep {delivery.files.length === 1 ? "it" : "them"} on your phone, or print{" "}
        {delivery.files.length === 1 ? "it" : "them"}.
      </p>
      <ul className={styles.files} aria-label="E-ticket files">
        {delivery.files.map((file, i) => (
          <li key={file.id} className={styles.file}>
            <span className={styles.fileName}>
              <span className={styles.muted}>Ticket {i + 1}</span> {file.name}
            </span>
            <span className={styles.muted}>
              {fileSize(file.size)}
              {file.downloaded ? " · downloaded" : ""}
            </span>
            <a
              className="tx-button tx-button--primary tx-button--small"
              href={`/api/delivery/files/${delivery.ticketId}/${file.id}`}
              download={file.name}
            >
              Download<span className="tx-visually-hidden"> {file.name}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function Transfer({ delivery }: { delivery: Delivery }) {
  switch (delivery.state) {
    case "transfer_requested":
      return (
        <p>
          The seller transfers the tickets through the venue's or promoter's app
          {delivery.buyerEmail ? (
            <>
              {" "}
              to <strong>{delivery.buyerEmail}</strong>
            </>
          ) : null}{" "}
          by{" "}
          <strong>
            <DateTime value={delivery.deadline ?? ""} />
          </strong>
          . We email you when they do; if they do not, you are refunded in full.
        </p>
      );
    case "transferred":
      return (
        <p>
          The seller reported the transfer on <DateTime value={delivery.transferredAt ?? ""} />{" "}
          (reference: <strong>{delivery.reference}</strong>). Look for the tickets in the venue's
          app, then confirm that they arrived.
        </p>
      );
    case "confirmed":
      return (
        <p>
          {delivery.confirmedHow === "buyer_confirmed"
            ? "You confirmed the tickets arrived."
            : "The tickets were delivered."}{" "}
          Enjoy the event.
        </p>
      );
    case "failed":
      return (
        <Notice tone="danger" title="The tickets did not arrive">
          <p>
            The seller did not transfer the tickets by <DateTime value={delivery.deadline ?? ""} />,
            so we cancelled the sale and refunded you in full.
          </p>
        </Notice>
      );
    default:
      return delivery.reference ? (
        <p>
          The seller reported the transfer (reference: <strong>{delivery.reference}</strong>).
        </p>
      ) : null;
  }
}
