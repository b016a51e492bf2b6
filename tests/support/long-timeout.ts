// API and browser tests start real services and databases: allow them minutes, not jest's default 5 s.
jest.setTimeout(180_000);
