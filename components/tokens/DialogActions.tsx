/** A token dialog's Cancel and submit buttons; the submit is disabled while its action runs. */
export function DialogActions({ onCancel, pending, label, danger = false }: { onCancel: () => void; pending: boolean; label: string; danger?: boolean }) {
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className={danger ? "button-danger" : "button-primary"} disabled={pending} aria-busy={pending || undefined}>
        {label}
      </button>
    </div>
  );
}
