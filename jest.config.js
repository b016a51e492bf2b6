// One jest configuration for the workspace; `--selectProjects` picks a part.
// TypeScript is compiled by SWC (decorator metadata on, for NestJS); types are checked by `npm run typecheck`.
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // @nestjs/typeorm 12 ships ES modules only; jest on Node 20 cannot require them, so SWC compiles it too.
  transform: { '^.+\\.(ts|js)$': swcTransform },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/typeorm/)'],
  moduleNameMapper: {
    '^@peakplan/backend/(.*)$': '<rootDir>/backend/src/$1',
    '^@peakplan/contracts$': '<rootDir>/contracts/src/index.ts',
    '^@peakplan/forecasting$': '<rootDir>/forecasting/src/index.ts',
    '^@peakplan/forecasting/browser$': '<rootDir>/forecasting/src/browser.ts',
    '^@peakplan/forecasting/demo$': '<rootDir>/forecasting/src/demo/index.ts',
  },
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'forecasting', testMatch: ['<rootDir>/forecasting/src/**/*.spec.ts'] },
    { ...common, displayName: 'contracts', testMatch: ['<rootDir>/contracts/src/**/*.spec.ts'] },
    { ...common, displayName: 'frontend-unit', testMatch: ['<rootDir>/frontend/src/**/*.pure.spec.ts'] },
    { ...common, displayName: 'backend-unit', testMatch: ['<rootDir>/backend/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/tests/api/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/long-timeout.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/long-timeout.ts'],
    },
  ],
};
