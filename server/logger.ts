import pino from 'pino';

/** Structured logs with personal fields redacted wherever they might appear. */
export function createLogger(level = 'info') {
  return pino({
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        'fullName',
        '*.fullName',
        'idNumber',
        '*.idNumber',
        'birthDate',
        '*.birthDate',
        'phone',
        '*.phone',
        'email',
        '*.email',
        'req.headers.cookie',
        'headers.cookie',
      ],
      censor: '[ẩn]',
    },
  });
}
