import { isJsonContentType } from './require-json';

describe('what counts as a JSON content type', () => {
  it.each([
    [undefined],
    [''],
    ['application/json'],
    ['application/json; charset=utf-8'],
    [' APPLICATION/JSON ;charset=UTF-8'],
    ['application/problem+json'],
    ['application/vnd.api+json'],
  ])('%j is JSON', (header) => {
    expect(isJsonContentType(header)).toBe(true);
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['application/jsonx'], ['text/json'], ['application/+json'], ['json']])(
    '%j is not',
    (header) => {
      expect(isJsonContentType(header)).toBe(false);
    },
  );
});
