// A modal dialog opened as it mounts: the browser keeps the focus inside, Esc closes it, and the
// focus returns where it was; `onClose` tells the owner to unmount it.
import { useEffect, useRef, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../shared/i18n/messages.en';

interface ModalDialogProps {
  className: string;
  titleId: MessageId;
  closeId: MessageId;
  onClose: () => void;
  children: ReactNode;
}

export function ModalDialog({ className, titleId, closeId, onClose, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = `${className}-title`;
  useEffect(() => {
    const shown = dialog.current;
    if (shown && !shown.open) shown.showModal();
    return () => shown?.close();
  }, []);
  return (
    <dialog ref={dialog} className={className} aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>
        <FormattedMessage id={titleId} />
      </h2>
      {children}
      <button type="button" onClick={() => dialog.current?.close()} autoFocus>
        <FormattedMessage id={closeId} />
      </button>
    </dialog>
  );
}
