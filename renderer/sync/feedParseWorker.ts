// The feed parse worker's entry: the sync worker hands it each downloaded page, so that reading
// the page (an Atom page of 1,000 items: 40-130 ms of XML) runs beside the writes of the page before.
import { answerParseRequest, type ParseAnswer, type ParseRequest } from './feedParse.worker';

interface WorkerScope {
  postMessage(message: ParseAnswer): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseRequest>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => scope.postMessage(answerParseRequest(event.data)));
