import { parseWebConfig, WebConfigError } from './web-config';

describe('parseWebConfig', () => {
  it('defaults the API to http://127.0.0.1:4000', () => {
    expect(parseWebConfig({}).api.baseUrl).toBe('http://127.0.0.1:4000');
    expect(parseWebConfig({ API_URL: '' }).api.baseUrl).toBe('http://127.0.0.1:4000');
  });

  it('takes API_URL without its trailing slash', () => {
    expect(parseWebConfig({ API_URL: 'http://palisade-api:4000/' }).api.baseUrl).toBe(
      'http://palisade-api:4000',
    );
  });

  it('names API_URL when it is not an http(s) URL', () => {
    for (const API_URL of ['localhost:4000', 'ftp://example.test']) {
      expect(() => parseWebConfig({ API_URL })).toThrow(WebConfigError);
      expect(() => parseWebConfig({ API_URL })).toThrow(/API_URL: must be an http\(s\) URL/);
    }
  });
});
