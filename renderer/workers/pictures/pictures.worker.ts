// The picture worker's entry, started by the window's picture queue (window/pictures/pictureResizer.ts):
// one call per downloaded picture, answered with the copy to save, so decoding and scaling never
// run on the window's thread.
import { englishText } from '../../../shared/i18n/formatMessages';
import { createThreadChannel, type CallMap } from '../../../shared/threads/threadChannel';
import { workerScope } from '../../threads/workerScope';
import { installWorkerErrorLog, workerLog } from '../../log/workerLog';
import type { PicturesCalls } from '../../threads/picturesContract';
import { shrinkPicture } from './shrinkPicture';

installWorkerErrorLog('pictures');
createThreadChannel<CallMap, PicturesCalls>(workerScope, {
  serve: {
    shrink: ({ bytes, contentType, haste }) =>
      shrinkPicture(bytes, contentType, haste, (reason) => workerLog.warn('pictures', `A picture was refused before decoding: ${englishText(reason)}`)),
  },
  onHandlerError: (name, thrown) => workerLog.warn('pictures', `${name} failed; the picture stays unsaved`, thrown),
});
