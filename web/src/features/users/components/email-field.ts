import type { Rule } from 'antd/es/form';

/** The account's e-mail address: optional; the API checks it again, trims and lower-cases it. */
export const EMAIL_RULE: Rule = { type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ', transform: (v?: string) => v?.trim() };

export const EMAIL_HELP = 'Nhận thư nhắc việc cần xử lý. Để trống thì thư gửi tới địa chỉ trong hồ sơ cán bộ gắn với tài khoản (nếu có).';
