"use client";

import { useId, useState } from "react";
import {
  choiceAllowed,
  DAY_MS,
  dayValue,
  defaultExpiryChoice,
  EXPIRY_PRESET_DAYS,
  MAX_CUSTOM_DAYS,
  resolveExpiry,
  startOfUtcDay,
  type ExpiryChoice,
} from "@/lib/tokens/shared/expiry";
import { formatDay } from "@/lib/tokens/shared/display";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

type Props = {
  maxLifetimeDays: number | null;
  /** What was submitted last time, when the form came back refused. */
  submitted?: { expiry?: string; expiresOn?: string };
  error?: string;
};

const LABELS: Record<ExpiryChoice, string> = {
  "7": "7 days",
  "30": "30 days",
  "60": "60 days",
  "90": "90 days",
  custom: "Custom date…",
  none: "No expiration",
};

function isChoice(value: string | undefined): value is ExpiryChoice {
  return value !== undefined && value in LABELS;
}

/**
 * The generate form's expiry: a preset, a custom date up to a year ahead, or none, within the cap.
 * The select and the date are uncontrolled (defaultValue): React resets a form after its action, and a reset
 * puts every field back to its default. A controlled select has none, so the browser showed its first option
 * ("7 days") while the state and the hint still held the earlier choice, and the next submission sent 7.
 * Give the field a `key` that changes with what was submitted, so that it remounts with that as its default.
 */
export function ExpiryField({ maxLifetimeDays, submitted, error }: Props) {
  const dateId = useId();
  const [choice, setChoice] = useState<ExpiryChoice>(isChoice(submitted?.expiry) ? submitted.expiry : defaultExpiryChoice(maxLifetimeDays));
  const [customDay, setCustomDay] = useState(submitted?.expiresOn ?? "");

  const now = new Date();
  const today = startOfUtcDay(now);
  const lastDay = maxLifetimeDays === null ? MAX_CUSTOM_DAYS : Math.min(MAX_CUSTOM_DAYS, maxLifetimeDays);
  const preview = resolveExpiry(choice, customDay, now, maxLifetimeDays);
  const hint = [
    preview.ok && preview.expiresAt
      ? `The token will expire on ${formatDay(preview.expiresAt)} (UTC).`
      : preview.ok
        ? "The token will never expire. Tokens that expire limit the damage if one leaks."
        : choice === "custom"
          ? `Pick a date up to ${lastDay} days ahead.`
          : "",
    maxLifetimeDays !== null ? `An administrator limits tokens to ${maxLifetimeDays} days.` : "",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <Field label="Expiration" hint={hint || undefined} error={error}>
      {(control) => (
        <>
          <Select name="expiry" defaultValue={choice} onChange={(event) => setChoice(event.target.value as ExpiryChoice)} {...control}>
            {[...EXPIRY_PRESET_DAYS.map(String), "custom", "none"].map((value) => {
              const option = value as ExpiryChoice;
              const allowed = choiceAllowed(option, maxLifetimeDays);
              return (
                <option key={option} value={option} disabled={!allowed}>
                  {LABELS[option]}
                  {allowed ? "" : " (over the limit)"}
                </option>
              );
            })}
          </Select>
          {choice === "custom" && (
            <div className="mt-2 flex flex-col gap-1.5">
              <label htmlFor={dateId} className="ui-label text-sm font-semibold">
                Expiry date
              </label>
              <Input
                id={dateId}
                name="expiresOn"
                type="date"
                defaultValue={customDay}
                onChange={(event) => setCustomDay(event.target.value)}
                min={dayValue(new Date(today.getTime() + DAY_MS))}
                max={dayValue(new Date(today.getTime() + lastDay * DAY_MS))}
                aria-describedby={control["aria-describedby"]}
                aria-invalid={control["aria-invalid"]}
              />
            </div>
          )}
        </>
      )}
    </Field>
  );
}
