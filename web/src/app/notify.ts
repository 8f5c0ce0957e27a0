import type { MessageInstance } from 'antd/es/message/interface';
import type { NotificationInstance } from 'antd/es/notification/interface';
import { ApiError, errorMessage } from '../api/errors';

let messageApi: MessageInstance | null = null;
let notificationApi: NotificationInstance | null = null;

/** Connects the antd message/notification instances (from <App>) so code outside React can show them. */
export function connectNotifier(m: MessageInstance, n: NotificationInstance) {
  messageApi = m;
  notificationApi = n;
}

/** Shows the Vietnamese message of an API error (or any error) to the user. */
export function notifyError(err: unknown) {
  const text = errorMessage(err);
  const requestId = err instanceof ApiError && err.status >= 500 ? err.requestId : undefined;
  if (notificationApi) {
    notificationApi.error({
      key: text,
      title: 'Không thực hiện được',
      description: requestId ? `${text} (Mã yêu cầu: ${requestId})` : text,
      placement: 'topRight',
    });
  } else {
    console.error(text);
  }
}

export function notifySuccess(text: string) {
  messageApi?.success(text);
}

export function notifyWarning(text: string, key?: string) {
  messageApi?.warning({ content: text, key });
}
