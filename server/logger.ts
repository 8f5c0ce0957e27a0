import pino from 'pino';

/**
 * PostgreSQL quotes the input it could not read ('invalid input syntax for type date: "23/13/1988"', 'value
 * "092188004517" is out of range for type integer'): the value goes, the sentence stays.
 */
function withoutPgInput(message: string): string {
  return message.replace(/: ".*"$/s, ': "[ẩn]"').replace(/^value ".*" is out of range/s, 'value "[ẩn]" is out of range');
}

/**
 * An error as it may be logged: a failed SQL statement's text and parameters, and PostgreSQL's `detail`
 * ("Key (id_number)=(…) already exists"), can hold personal data, so only the driver's message, the SQLSTATE
 * and the constraint are kept.
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const cause = (err as { cause?: unknown }).cause;
  const failedQuery = err.message.startsWith('Failed query:');
  const base = failedQuery && cause instanceof Error ? cause : err;
  const pgFields = base as { code?: unknown; constraint?: unknown; table?: unknown };
  const baseMessage = typeof pgFields.code === 'string' ? withoutPgInput(base.message) : base.message;
  const out: Record<string, unknown> = {
    type: base.constructor.name,
    message: failedQuery ? `Failed query: ${base === err ? '' : baseMessage}` : baseMessage,
    // the frames only: a multi-line message (drizzle's "params: …") is repeated at the head of the stack
    stack: base.stack
      ?.split('\n')
      .filter((l) => /^\s+at /.test(l))
      .join('\n'),
  };
  if (typeof pgFields.code === 'string') out.code = pgFields.code;
  if (typeof pgFields.constraint === 'string') out.constraint = pgFields.constraint;
  if (typeof pgFields.table === 'string') out.table = pgFields.table;
  if (!failedQuery && cause !== undefined) out.cause = safeError(cause);
  return out;
}

/** Structured logs with personal fields redacted wherever they might appear. */
export function createLogger(level = 'info', destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      serializers: { err: safeError, error: safeError },
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
    },
    destination,
  );
}
