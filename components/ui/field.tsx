import { useId, type ReactNode } from "react";
import { cn } from "./cn";
import { Input } from "./input";

/** The attributes a field hands to its control, so the label, hint and error belong to it. */
export type ControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

type Props = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Renders the control with the ids that tie it to the label, hint and error. */
  children: (control: ControlProps) => ReactNode;
  /** Replaces the field's bottom margin and sizing, e.g. "mb-0 w-64" in a toolbar. */
  className?: string;
};

/**
 * One labelled form field for every form: label, control, hint and error, the last two read out with the
 * control. The error is an alert, so it is announced when a submission comes back refused.
 */
export function Field({ label, hint, error, children, className }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : "", hint ? hintId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1.5", className ?? "mb-4")}>
      <label htmlFor={id} className="ui-label text-sm font-semibold text-text">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {error && <FieldError id={errorId}>{error}</FieldError>}
    </div>
  );
}

export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="text-sm text-danger" role="alert">
      {children}
    </p>
  );
}

/** A group of checkboxes or radio buttons under one legend. */
export function FieldSet({ legend, children, error, className }: { legend: ReactNode; children: ReactNode; error?: string; className?: string }) {
  const id = useId();
  return (
    <fieldset className={cn("mb-4 rounded-md border border-border px-4 pt-2 pb-3", className)} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {children}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </fieldset>
  );
}

type InputFieldProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "children"> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  ref?: React.Ref<HTMLInputElement>;
};

/** The common case: a labelled text, email or password input with its hint and error. */
export function InputField({ label, hint, error, type = "text", autoComplete = "off", required = true, ...rest }: InputFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => <Input type={type} autoComplete={autoComplete} required={required} {...control} {...rest} />}
    </Field>
  );
}
