"use client";

import { canonicalTimeZone, type TicketFile, zoneOfCity } from "@tx/api-contracts";
import { Form, FormError, SelectField, SubmitButton, TextAreaField, TextField } from "@tx/ui";
import { type ChangeEvent, useCallback, useEffect, useMemo, useRef, useTransition } from "react";
import { useSchemaForm } from "@/forms/use-schema-form";
import { createListing, updateListing } from "@/listings/actions";
import {
  emptyListingForm,
  ListingForm as ListingFormSchema,
  type ListingFormValues,
} from "@/listings/listing-form-schema";
import { DeliveryFields } from "./delivery-fields";
import styles from "./listing-form.module.css";

const quantities = Array.from({ length: 10 }, (_, i) => ({
  value: String(i + 1),
  label: String(i + 1),
}));

const currencies = [
  { value: "USD", label: "USD – US dollar" },
  { value: "EUR", label: "EUR – Euro" },
  { value: "GBP", label: "GBP – Pound sterling" },
];

type Props = (
  | { listingId?: undefined; initial?: undefined; files?: undefined }
  | { listingId: string; initial: ListingFormValues; files: TicketFile[] }
) & {
  /** The platform's zone list, from the server: the same options render on both sides. */
  timeZones: readonly string[];
};

/** The browser's own zone, if the platform knows it. */
function browserTimeZone(): string | null {
  return canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/**
 * The sell form, and the edit form when given a listing. Validated in the browser with the
 * contract's schema (money typed in major units, converted to cents first); the server
 * action parses the same schema, and the service's refusals (the price cap) land beside
 * their fields.
 */
export function ListingForm({ listingId, initial, files, timeZones }: Props) {
  const {
    field,
    submitWith,
    formError,
    setFormError,
    showRefusal,
    register,
    setValue,
    watch,
    formState,
  } = useSchemaForm(ListingFormSchema, initial ?? emptyListingForm);
  const [pending, startTransition] = useTransition();
  const editing = listingId !== undefined;
  const uploading = useRef(false);
  const onFilesChange = useCallback(
    (change: { fileIds: string[]; uploading: boolean }) => {
      uploading.current = change.uploading;
      setValue("delivery.fileIds", change.fileIds, { shouldValidate: formState.isSubmitted });
    },
    [setValue, formState.isSubmitted],
  );

  // The zone follows the city (where we know it), else the browser's, until the seller
  // picks one; an existing listing's zone was picked already.
  const zonePicked = useRef(editing);
  const city = watch("city");
  useEffect(() => {
    if (zonePicked.current) return;
    const zone = zoneOfCity(city) ?? browserTimeZone();
    if (zone) setValue("timeZone", zone);
  }, [city, setValue]);
  const zoneField = field("timeZone");
  const onZoneChange = (event: ChangeEvent<HTMLSelectElement>) => {
    zonePicked.current = true;
    void zoneField.onChange(event);
  };
  const zoneOptions = useMemo(
    () => timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") })),
    [timeZones],
  );

  // In a transition, the action's redirect on success is followed like a form action's.
  const onSubmit = submitWith((fields) => {
    if (uploading.current && fields.delivery.method === "download") {
      setFormError("Wait for the files to finish uploading, then save.");
      return;
    }
    startTransition(async () => {
      setFormError(null);
      showRefusal(editing ? await updateListing(listingId, fields) : await createListing(fields));
    });
  });

  return (
    <Form
      method="post"
      noValidate
      onSubmit={onSubmit}
      aria-label={editing ? "Edit listing" : "Sell tickets"}
      className={styles.form}
    >
      <FormError message={formError} />
      <fieldset className={styles.group}>
        <legend className={styles.legend}>The event</legend>
        <TextField
          label="Event"
          hint="The artist, team or show, as the ticket names it."
          maxLength={120}
          {...field("eventName")}
          className={styles.wide}
        />
        <TextField label="Venue" maxLength={120} {...field("venue")} />
        <TextField label="City" autoComplete="address-level2" maxLength={80} {...field("city")} />
        <TextField
          label="Date and time at the venue"
          type="datetime-local"
          hint="As printed on the ticket; buyers see it by the venue's clocks."
          {...field("eventDate")}
        />
        <SelectField
          label="Venue time zone"
          hint="Filled in from the city where we know it; change it if it is wrong."
          options={zoneOptions}
          {...zoneField}
          onChange={onZoneChange}
        />
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>The tickets</legend>
        <SelectField
          label="Number of tickets"
          hint="Sold together, to one buyer."
          options={quantities}
          {...field("quantity")}
        />
        <TextField
          label="Seats (optional)"
          hint="For example 14–15."
          maxLength={60}
          {...field("seats")}
        />
        <TextField label="Section (optional)" maxLength={40} {...field("section")} />
        <TextField label="Row (optional)" maxLength={20} {...field("row")} />
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>The price</legend>
        <SelectField
          label="Currency"
          hint="Buyers pay in this currency."
          className={styles.half}
          options={currencies}
          {...field("currency")}
        />
        <TextField
          label="Price per ticket"
          hint="What a buyer pays for each ticket, like 45 or 45.50."
          inputMode="decimal"
          {...field("pricePerTicket")}
        />
        <TextField
          label="Face value per ticket"
          hint="The price printed on the ticket. Resale above face value is capped."
          inputMode="decimal"
          {...field("faceValuePerTicket")}
        />
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Delivery</legend>
        <DeliveryFields
          className={styles.wide}
          methodField={register("delivery.method")}
          method={watch("delivery.method")}
          quantity={Number(watch("quantity"))}
          {...(listingId ? { listingId } : {})}
          initialFiles={files ?? []}
          error={formState.errors.delivery?.message ?? formState.errors.delivery?.fileIds?.message}
          onChange={onFilesChange}
        />
      </fieldset>
      <TextAreaField
        label="Note for buyers (optional)"
        hint="Anything a buyer should know: the view, the entrance, how the transfer works…"
        maxLength={1000}
        rows={4}
        {...field("note")}
      />
      <div className="tx-form__actions">
        <SubmitButton pending={pending} pendingLabel={editing ? "Saving…" : "Listing…"}>
          {editing ? "Save changes" : "List tickets"}
        </SubmitButton>
      </div>
    </Form>
  );
}
