import { useId } from "react";
import { FieldSet } from "@/components/ui/field";

export type Choice = { value: string; label: string; description?: string };

type Props = {
  legend: string;
  name: string;
  choices: Choice[];
  selected: readonly string[];
  error?: string;
  empty?: string;
};

/** Checkboxes for a many-of choice (roles, groups, permissions), each with its description. */
export function ChoiceList({ legend, name, choices, selected, error, empty = "Nothing to choose from yet." }: Props) {
  const id = useId();
  return (
    <FieldSet legend={legend} error={error}>
      {choices.length === 0 && <p className="muted">{empty}</p>}
      {choices.map((choice, index) => {
        const inputId = `${id}-${index}`;
        return (
          <div className="choice" key={choice.value}>
            <input
              id={inputId}
              type="checkbox"
              name={name}
              value={choice.value}
              defaultChecked={selected.includes(choice.value)}
              aria-describedby={choice.description ? `${inputId}-description` : undefined}
            />
            <label htmlFor={inputId}>{choice.label}</label>
            {choice.description && (
              <span id={`${inputId}-description`} className="muted">
                {choice.description}
              </span>
            )}
          </div>
        );
      })}
    </FieldSet>
  );
}
