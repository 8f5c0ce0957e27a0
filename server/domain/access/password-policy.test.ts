import { describe, expect, it } from 'vitest';
import { checkNewPassword, PASSWORD_MIN_LENGTH } from './password-policy.js';

describe('the password policy', () => {
  it('accepts a long password or a passphrase', () => {
    expect(checkNewPassword('Mat-khau-dai-2026!', 'sonoivu1')).toEqual([]);
    expect(checkNewPassword('xa phuong binh an', 'sonoivu1')).toEqual([]);
  });

  it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters, counting letters with accents once`, () => {
    expect(checkNewPassword('Ngắn-2026!', 'a')[0].message).toContain('tối thiểu 12');
    // 12 code points, more bytes
    expect(checkNewPassword('Đường Bình 1', 'a')).toEqual([]);
  });

  it('refuses the user name, or a password that contains it', () => {
    expect(checkNewPassword('nguyenthihoa', 'nguyenthihoa')[0].message).toContain('tên đăng nhập');
    expect(checkNewPassword('NguyenThiHoa2026', 'nguyenthihoa')[0].message).toContain('tên đăng nhập');
  });

  it('refuses passwords of the common-password list, spaces or case aside', () => {
    expect(checkNewPassword('password1234', 'x')[0].message).toContain('phổ biến');
    expect(checkNewPassword('123456789012', 'x')[0].message).toContain('phổ biến');
    expect(checkNewPassword('QWERTY123456', 'x')[0].message).toContain('phổ biến');
    expect(checkNewPassword('leave me alone', 'x')[0].message).toContain('phổ biến');
  });

  it('refuses one or two characters repeated', () => {
    expect(checkNewPassword('aaaaaaaaaaaa', 'x')[0].message).toContain('đơn giản');
    expect(checkNewPassword('abababababab', 'x')[0].message).toContain('đơn giản');
  });
});
