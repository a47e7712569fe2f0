import { parseJavaMajor } from './java-runtime';

describe('parseJavaMajor', () => {
  it('reads the major version of current and old-style java -version output', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('java version "1.8.0_402"')).toBe(8);
    expect(parseJavaMajor('something else')).toBeUndefined();
  });
});
