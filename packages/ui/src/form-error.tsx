export type FormErrorProps = { message?: string | null | undefined };

/**
 * A form's error that is about no single field. The region is always there, so a screen
 * reader announces a message as it appears.
 */
export function FormError({ message }: FormErrorProps) {
  return (
    <div role="alert" className="tx-form-error">
      {message}
    </div>
  );
}
