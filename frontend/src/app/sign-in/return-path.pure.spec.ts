import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps a path inside the app', () => {
    expect(safeReturnPath('/planning')).toBe('/planning');
    expect(safeReturnPath('/planning#history-q1')).toBe('/planning#history-q1');
  });

  it('refuses other sites, so a link cannot send a signed-in person away', () => {
    expect(safeReturnPath('https://evil.example/')).toBeNull();
    expect(safeReturnPath('//evil.example/')).toBeNull();
    expect(safeReturnPath('/\\evil.example/')).toBeNull();
    expect(safeReturnPath('javascript:alert(1)')).toBeNull();
  });

  it('leaves the start page to the role when there is nothing useful to return to', () => {
    expect(safeReturnPath(undefined)).toBeNull();
    expect(safeReturnPath('')).toBeNull();
    expect(safeReturnPath('/')).toBeNull();
    expect(safeReturnPath('/sign-in?returnUrl=/pool')).toBeNull();
  });
});
