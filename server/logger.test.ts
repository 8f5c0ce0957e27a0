import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { createLogger, safeError } from './logger.js';

function pgDuplicate(): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint "people_id_number_key"'), {
    code: '23505',
    constraint: 'people_id_number_key',
    detail: 'Key (id_number)=(092185000123) already exists.',
  });
}

describe('logs carry no personal data from a failed statement', () => {
  it('keeps the driver message and SQLSTATE, drops the SQL parameters and the detail', () => {
    const err = new DrizzleQueryError('INSERT INTO people (full_name, id_number) VALUES ($1, $2)', ['Nguyễn Văn An', '092185000123'], pgDuplicate());
    expect(err.message).toContain('092185000123'); // what drizzle puts in the message
    const s = safeError(err);
    expect(JSON.stringify(s)).not.toMatch(/092185000123|Nguyễn Văn An/);
    expect(s).toMatchObject({ code: '23505', constraint: 'people_id_number_key' });
    expect(s.message).toContain('duplicate key value');
  });

  it('drops the parameters from the stack of a failed statement that has no driver error behind it', () => {
    const err = new DrizzleQueryError('SELECT $1', ['Lê Thị Cúc'], undefined as unknown as Error);
    expect(err.stack).toContain('Lê Thị Cúc');
    expect(JSON.stringify(safeError(err))).not.toContain('Lê Thị Cúc');
  });

  it('drops the input PostgreSQL quotes in a message it could not read, keeping the sentence and the SQLSTATE', () => {
    const pg = (message: string, code: string) => Object.assign(new Error(message), { code });
    const date = safeError(new DrizzleQueryError('SELECT $1::date', ['23/13/1988'], pg('date/time field value out of range: "23/13/1988"', '22008')));
    expect(date).toMatchObject({ code: '22008', message: 'Failed query: date/time field value out of range: "[ẩn]"' });
    const uuid = safeError(pg('invalid input syntax for type uuid: "Nguyễn Văn An"', '22P02'));
    expect(uuid.message).toBe('invalid input syntax for type uuid: "[ẩn]"');
    const range = safeError(pg('value "092185000123" is out of range for type integer', '22003'));
    expect(range.message).toBe('value "[ẩn]" is out of range for type integer');
    // identifiers stay: they name the constraint, not the person
    expect(safeError(pgDuplicate()).message).toBe('duplicate key value violates unique constraint "people_id_number_key"');
  });

  it('applies to what the logger writes under err', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (l: string) => void lines.push(l) });
    logger.error({ err: new DrizzleQueryError('SELECT $1', ['Trần Thị Bích'], pgDuplicate()) }, 'job failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('Trần Thị Bích');
    expect(lines[0]).not.toContain('092185000123');
    expect(lines[0]).toContain('23505');
  });
});
