import { dictionary } from '@zxcvbn-ts/language-common';
import type { Issue } from '../errors.js';

/** At least this many characters (a passphrase of a few words, spaces included, is the easy way there). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

let common: Set<string> | null = null;
/** The common-password list of the maintained zxcvbn-ts dictionary (about 49,000 entries), lower-cased. */
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/**
 * The checks of a new password, each a Vietnamese message on the field `path`: long enough, not the user name
 * (or containing it), not a well-known password, not one character repeated.
 */
export function checkNewPassword(password: string, username: string, path = 'password'): Issue[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return [{ path, message: `Mật khẩu tối thiểu ${PASSWORD_MIN_LENGTH} ký tự (có thể dùng một cụm nhiều từ, ví dụ "xa phuong bình an 2026")` }];
  if (length > PASSWORD_MAX_LENGTH) return [{ path, message: `Mật khẩu tối đa ${PASSWORD_MAX_LENGTH} ký tự` }];
  const lower = password.toLowerCase();
  const user = username.trim().toLowerCase();
  if (user && (lower === user || (user.length >= 4 && lower.includes(user)))) return [{ path, message: 'Mật khẩu không được trùng hoặc chứa tên đăng nhập' }];
  if (new Set([...lower]).size <= 2) return [{ path, message: 'Mật khẩu quá đơn giản (lặp lại một vài ký tự)' }];
  const list = commonPasswords();
  if (list.has(lower) || list.has(lower.replace(/\s+/g, '')))
    return [{ path, message: 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán; vui lòng chọn mật khẩu khác' }];
  return [];
}
