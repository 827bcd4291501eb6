import { expect, test } from 'vitest';
import { toCsv } from '../../../app/downloads/csv.ts';

test('writes RFC 4180 CSV: CRLF records, quoting only fields with a comma, a quote or a line break', () => {
  const rows = [
    ['Generation', 'Test accuracy', 'Students min–max'],
    ['0', '81.2%', '80.1% – 82.0%'],
    ['1', 'rejected: audit 70.0% < 72.0%, kept', 'say "hi"'],
    ['2', 'two\nlines', ''],
  ];
  expect(toCsv(rows)).toBe(
    'Generation,Test accuracy,Students min–max\r\n' +
      '0,81.2%,80.1% – 82.0%\r\n' +
      '1,"rejected: audit 70.0% < 72.0%, kept","say ""hi"""\r\n' +
      '2,"two\nlines",\r\n',
  );
  expect(toCsv([])).toBe('');
});
