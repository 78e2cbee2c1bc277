// A modal dialog opened as it mounts: the browser keeps the focus inside, Esc closes it, and the
// focus returns where it was; `onClose` tells the owner to unmount it.
import { useEffect, useRef, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../../shared/i18n/messages.en';

interface ModalDialogProps {
  className: string;
  titleId: MessageId;
  closeId: MessageId;
  onClose: () => void;
  /** The Close button beside the title rather than below the content (a long dialog opens at its top). */
  closeFirst?: boolean;
  children: ReactNode;
}

export function ModalDialog({ className, titleId, closeId, closeFirst = false, onClose, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = `${className}-title`;
  useEffect(() => {
    const shown = dialog.current;
    if (shown && !shown.open) shown.showModal();
    return () => shown?.close();
  }, []);
  const close = (
    <button type="button" className="dialog-close" onClick={() => dialog.current?.close()} autoFocus>
      <FormattedMessage id={closeId} />
    </button>
  );
  return (
    <dialog ref={dialog} className={className} aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>
        <FormattedMessage id={titleId} />
      </h2>
      {closeFirst && close}
      {children}
      {!closeFirst && close}
    </dialog>
  );
}
